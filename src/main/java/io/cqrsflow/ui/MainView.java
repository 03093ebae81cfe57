package io.cqrsflow.ui;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.ui.command.CommandPane;
import io.cqrsflow.ui.eventstore.EventTableView;
import io.cqrsflow.ui.flow.FlowView;
import io.cqrsflow.ui.help.HelpOverlay;
import io.cqrsflow.ui.lag.LagChart;
import io.cqrsflow.ui.load.LoadPanel;
import io.cqrsflow.ui.perf.FrameMeter;
import io.cqrsflow.ui.perf.FrameMeterView;
import io.cqrsflow.ui.query.QueryBox;
import io.cqrsflow.ui.readmodel.ReadModelsView;
import io.cqrsflow.ui.shell.Appearance;
import io.cqrsflow.ui.shell.LessonBar;
import io.cqrsflow.ui.shell.MainToolbar;
import io.cqrsflow.ui.shell.Notices;
import io.cqrsflow.ui.shell.PngExport;
import io.cqrsflow.ui.shell.Shortcuts;
import io.cqrsflow.ui.shell.WindowShortcuts;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.concurrent.CompletableFuture;

/**
 * The whole window's content for one {@link FlowClient}: toolbar; commands | flow | read models; event
 * store | lag chart — reading left to right, top to bottom as a command does. Build it on the FX
 * thread, put it in a Scene (it installs its keyboard shortcuts there), and {@link #dispose()} it
 * before closing the engine.
 */
public final class MainView extends StackPane {
    private final FlowModel model;
    private final CommandPane commands;
    private final QueryBox queries;
    private final FlowView flow;
    private final ReadModelsView readModels;
    private final EventTableView eventTable;
    private final LagChart lagChart;
    private final Appearance appearance = new Appearance(this);
    private final MainToolbar toolbar;
    private final LessonBar lessonBar;
    private final io.cqrsflow.ui.lesson.LessonPanel lessonPanel = new io.cqrsflow.ui.lesson.LessonPanel();
    private final Notices notices;
    private final Shortcuts shortcuts;
    private final HelpOverlay help;
    private final io.cqrsflow.ui.recorder.Recorder recorder;
    private final io.cqrsflow.ui.recorder.RecorderBar recorderBar;
    private ReadSideColumn readSide;
    private final FrameMeter frameMeter = new FrameMeter();
    private final FrameMeterView frameMeterView = new FrameMeterView(frameMeter);
    private final LoadPanel load;

    public MainView(FlowClient client) {
        // Every call the window makes goes through the recorder, which writes it down while recording.
        this.recorder = new io.cqrsflow.ui.recorder.Recorder(client);
        this.model = new FlowModel(recorder);
        getStyleClass().add("cqrs-flow");
        setId("main-view");
        getStylesheets().add(MainView.class.getResource("/io/cqrsflow/ui/cqrsflow.css").toExternalForm());

        commands = new CommandPane(model);
        queries = new QueryBox(model);
        flow = new FlowView(model);
        readModels = new ReadModelsView(model);
        eventTable = new EventTableView(model);
        lagChart = new LagChart(model);
        toolbar = new MainToolbar(model.speedProperty(), appearance);
        lessonBar = new LessonBar(commands.log());
        recorderBar = new io.cqrsflow.ui.recorder.RecorderBar(recorder, () -> model.statuses().values(), commands.log());
        toolbar.setOnRecord(recorderBar::toggle, WindowShortcuts.RECORD);
        notices = new Notices(model);
        help = new HelpOverlay();
        load = new LoadPanel(model, commands.log());
        toolbar.setLoadAndFrameMeter(load::toggle, WindowShortcuts.LOAD, frameMeterView::toggle, WindowShortcuts.FRAME_METER);
        toolbar.setOnHelp(help::toggle);
        toolbar.setOnExportPng(() -> PngExport.askAndWrite(getScene()), WindowShortcuts.EXPORT_PNG);
        java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>(flow.addProjectionItems());
        items.add(crudMenuItem());
        toolbar.setAddProjectionItems(items);
        toolbar.setOnQuit(this::quit, WindowShortcuts.QUIT);
        presenterModeProperty().addListener((o, a, b) -> readSide.fitLater());
        shortcuts = WindowShortcuts.table(commands, queries, flow, toolbar, appearance, help);
        help.listShortcuts(shortcuts.helpRows());

        BorderPane frame = new BorderPane(columns());
        frame.setTop(new VBox(toolbar, recorderBar, lessonBar, lessonPanel));
        frame.getStyleClass().add("frame");
        // in the toolbar's free space, where it covers no control, no row and no lesson text
        toolbar.setNotice(notices);
        toolbar.followWidthOf(this);
        // Both float at the top right, under the toolbar, over the read models' heading; each hides by itself.
        StackPane.setAlignment(load, Pos.TOP_RIGHT);
        StackPane.setMargin(load, new javafx.geometry.Insets(58, 12, 0, 0));
        StackPane.setAlignment(frameMeterView, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(frameMeterView, new javafx.geometry.Insets(0, 12, 10, 0));
        getChildren().addAll(frame, load, frameMeterView, help);

        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                shortcuts.install(b);
                frameMeter.attach(b);
            } else {
                frameMeter.detach();
            }
        });
        model.start();
    }

    // ---- properties

    /** Presenter mode: every font larger, for the back of a room. */
    public BooleanProperty presenterModeProperty() {
        return appearance.presenterProperty();
    }

    public BooleanProperty darkProperty() {
        return appearance.darkProperty();
    }

    public FlowModel model() {
        return model;
    }

    public CommandPane commands() {
        return commands;
    }

    public FlowView flow() {
        return flow;
    }

    public ReadModelsView readModels() {
        return readModels;
    }

    /** Whether the CRUD table is shown beside the read models (and the CRUD model switched on). */
    public BooleanProperty crudShownProperty() {
        return readModels.crud().shownProperty();
    }

    /** ☰ → "CRUD table beside CQRS": shows or hides the CRUD panel. */
    private javafx.scene.control.CheckMenuItem crudMenuItem() {
        javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem("CRUD table beside CQRS",
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignT.TABLE));
        item.setId("menu-crud");
        item.selectedProperty().bindBidirectional(crudShownProperty());
        return item;
    }

    public EventTableView eventTable() {
        return eventTable;
    }

    public LagChart lagChart() {
        return lagChart;
    }

    /**
     * The read models a lesson uses (its "panels"): when the column is short, the others fold first.
     * Empty: no preference.
     */
    public void setLessonPanels(java.util.Collection<String> names) {
        readSide.setLessonPanels(names);
    }

    /** The window's frames as measured while it runs (the frame meter shows them; the bench reads them). */
    public FrameMeter frameMeter() {
        return frameMeter;
    }

    public FrameMeterView frameMeterView() {
        return frameMeterView;
    }

    public LoadPanel loadPanel() {
        return load;
    }

    public HelpOverlay help() {
        return help;
    }

    /** Every shortcut: what the F1 help lists and what the scene's accelerators do. */
    public Shortcuts shortcuts() {
        return shortcuts;
    }

    /** The scenario picker, ▶ ⏸ ⏭, speed, presenter, theme, help and the menu. */
    public MainToolbar toolbar() {
        return toolbar;
    }

    /** The lesson's caption, step line, question and progress, under the lesson bar. */
    public io.cqrsflow.ui.lesson.LessonPanel lessonPanel() {
        return lessonPanel;
    }

    /** The recorder: REC, the caption box for notes, Save…; shown while recording or holding a recording. */
    public io.cqrsflow.ui.recorder.RecorderBar recorderBar() {
        return recorderBar;
    }

    /** Where a playing scenario is and what its teacher says, under the toolbar. */
    public LessonBar lessonBar() {
        return lessonBar;
    }

    /** The engine's notices, shown for a few seconds in the toolbar's free space (and kept in Results). */
    public Notices noticeToast() {
        return notices;
    }

    // ---- commands

    /**
     * Completes (on the FX thread) once every signal so far is shown and the read models have been read
     * again — call before a snapshot so the picture is current.
     */
    public CompletableFuture<Void> settle() {
        return model.settle();
    }

    /** Closes the window as its close button does; the application then stops and closes the engine. */
    private void quit() {
        if (getScene() != null && getScene().getWindow() != null) {
            javafx.stage.Window w = getScene().getWindow();
            javafx.stage.WindowEvent close = new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
            w.fireEvent(close);
            if (!close.isConsumed()) {
                w.hide();
            }
        }
    }

    /** Stops listening to the engine and answering keys. Call before closing it. */
    public void dispose() {
        shortcuts.uninstall();
        recorderBar.dispose();
        load.dispose();
        frameMeterView.dispose();
        frameMeter.detach();
        model.dispose();
    }

    // ---- building

    /**
     * Three full-height columns, so each keeps its own height: commands and their results on the left, the
     * flow above the event store it writes to in the middle, the read models and their lag on the right.
     */
    private Columns columns() {
        Tab results = new Tab("Results", commands.log());
        results.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        Tab ask = new Tab("Ask a query", queries);
        ask.setGraphic(new FontIcon(MaterialDesignM.MAGNIFY));
        ask.setTooltip(new Tooltip("Queries read the read models (or, to compare, the write model)"));
        TabPane below = new TabPane(results, ask);
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        below.setId("results-and-queries");
        below.getStyleClass().add("results-and-queries");
        VBox.setVgrow(below, Priority.ALWAYS);
        VBox left = column(8, "left-column", section("1", "Commands", "the write side"), commands, below);
        ScrollPane leftScroll = scroll(left);

        VBox middle = column(8, "middle-column", section("2", "The flow", "command → events → projectors"), flow);
        ScrollPane middleScroll = new ScrollPane(middle) {
            // As tall as the flow is at the width it has (the legend wraps), so the event store below gets
            // every row that is left and the flow scrolls only when it truly does not fit.
            @Override
            protected double computePrefHeight(double width) {
                double w = getWidth() > 0 ? getWidth() : width;
                return middle.prefHeight(w) + snappedTopInset() + snappedBottomInset();
            }
        };
        scroll(middleScroll);
        middleScroll.getStyleClass().add("flow-scroll"); // its least height: cqrsflow.css
        VBox events = column(4, "bottom-column",
                section("4", "Event store", "events.db, the source of truth · newest on top"), eventTable);
        VBox.setVgrow(eventTable, Priority.ALWAYS);
        events.setPrefHeight(200); // its least height: cqrsflow.css
        VBox.setVgrow(events, Priority.ALWAYS);
        VBox centre = new VBox(6, middleScroll, events);
        centre.getStyleClass().add("centre-column");

        // the chart of "how far behind" sits under the tables it is about
        ReadSideColumn right = new ReadSideColumn(section("3", "Read models", "the read side"), readModels, lagChart);
        readSide = right;
        // the flow column: its pipeline, the column's padding and a scroll bar (the event store's table
        // scrolls sideways in presenter mode rather than cutting a header)
        Columns all = new Columns(leftScroll, centre, right, () -> flow.neededWidth() + 14 + 2 * 12);
        readModels.setOnChange(() -> {
            right.fitLater();
            all.readSideChanged(readModels.neededWidth());
        });
        return all;
    }

    private static VBox column(double spacing, String styleClass, Node... children) {
        VBox column = new VBox(spacing, children);
        column.getStyleClass().addAll("column", styleClass);
        return column;
    }

    private static ScrollPane scroll(Node content) {
        return scroll(new ScrollPane(content));
    }

    private static ScrollPane scroll(ScrollPane pane) {
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.getStyleClass().add("edge-to-edge");
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return Viewports.drawnDirect(pane);
    }

    /** "1 Commands the write side": the subtitle goes under the title when the column is narrow. */
    private static Node section(String number, String title, String subtitle) {
        Label n = new Label(number);
        n.setMinWidth(Region.USE_PREF_SIZE);
        n.getStyleClass().add("section-number");
        Label t = new Label(title);
        t.setMinWidth(Region.USE_PREF_SIZE);
        t.getStyleClass().add("section-title");
        Label s = new Label(subtitle);
        s.getStyleClass().add("section-subtitle");
        s.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane box = new FlowPane(8, 0, n, t, s);
        box.setRowValignment(javafx.geometry.VPos.BASELINE);
        box.setMinHeight(Region.USE_PREF_SIZE);
        box.getStyleClass().add("section-header");
        return box;
    }
}
