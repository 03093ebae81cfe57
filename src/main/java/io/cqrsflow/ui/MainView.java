package io.cqrsflow.ui;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.ui.command.CommandPane;
import io.cqrsflow.ui.eventstore.EventTableView;
import io.cqrsflow.ui.flow.FlowView;
import io.cqrsflow.ui.help.HelpOverlay;
import io.cqrsflow.ui.lag.LagChart;
import io.cqrsflow.ui.query.QueryBox;
import io.cqrsflow.ui.readmodel.ReadModelsView;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The whole window's content for one {@link FlowClient}: toolbar; commands | flow | read models; event
 * store | lag chart — reading left to right, top to bottom as a command does. Build it on the FX
 * thread, put it in a Scene (it installs its keyboard shortcuts there), and {@link #dispose()} it
 * before closing the engine.
 */
public final class MainView extends StackPane {
    public static final double BASE_FONT = 14;
    public static final double PRESENTER_FONT = 18;
    private static final Theme PRIMER_LIGHT = new PrimerLight();
    private static final Theme PRIMER_DARK = new PrimerDark();

    private final FlowModel model;
    private final CommandPane commands;
    private final QueryBox queries;
    private final FlowView flow;
    private final ReadModelsView readModels;
    private final EventTableView eventTable;
    private final LagChart lagChart;
    private final HelpOverlay help;
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ComboBox<String> scenario = new ComboBox<>();
    private final Button play = new Button(null, new FontIcon(MaterialDesignP.PLAY));
    private final Button pauseScenario = new Button(null, new FontIcon(MaterialDesignP.PAUSE));
    private final Button stepScenario = new Button(null, new FontIcon(MaterialDesignS.SKIP_NEXT));
    private final ComboBox<Double> speed = new ComboBox<>();
    private final MenuItem openFolder = new MenuItem("Open data folder…", new FontIcon(MaterialDesignF.FOLDER_OPEN));
    private final MenuItem startFresh = new MenuItem("Start fresh…", new FontIcon(MaterialDesignR.RESTART));
    private final List<HelpOverlay.Shortcut> shortcuts = new ArrayList<>();
    private ScenarioControls scenarioControls;
    private Scene shortcutScene;
    private final List<KeyCombination> installedShortcuts = new ArrayList<>();
    private final Label scenarioStatus = new Label();
    private final Label scenarioNote = new Label();
    private final Label scenarioAnswers = new Label();
    private final VBox scenarioBar = new VBox(2, scenarioStatus, scenarioNote, scenarioAnswers);
    private final Label toast = new Label();
    private final javafx.animation.SequentialTransition toastFade;

    public MainView(FlowClient client) {
        this.model = new FlowModel(client);
        getStyleClass().add("cqrs-flow");
        setId("main-view");
        getStylesheets().add(MainView.class.getResource("/io/cqrsflow/ui/cqrsflow.css").toExternalForm());

        commands = new CommandPane(model);
        queries = new QueryBox(model);
        flow = new FlowView(model);
        readModels = new ReadModelsView(model);
        eventTable = new EventTableView(model);
        lagChart = new LagChart(model);

        Tab results = new Tab("Results", commands.log());
        results.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        Tab ask = new Tab("Ask a query", queries);
        ask.setGraphic(new FontIcon(MaterialDesignM.MAGNIFY));
        ask.setTooltip(new Tooltip("Queries read the read models (or, to compare, the write model)"));
        TabPane below = new TabPane(results, ask);
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        below.setId("results-and-queries");
        below.setMinHeight(140);
        VBox.setVgrow(below, Priority.ALWAYS);
        VBox left = new VBox(8, section("1", "Commands", "the write side"), commands, below);
        left.getStyleClass().addAll("column", "left-column");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        leftScroll.getStyleClass().add("edge-to-edge");
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.setMinWidth(250);

        VBox middle = new VBox(8, section("2", "The flow", "command → events → projectors"), flow);
        middle.getStyleClass().addAll("column", "middle-column");
        ScrollPane middleScroll = new ScrollPane(middle) {
            // As tall as the flow is at the width it has (the legend wraps), so the event store below gets
            // every row that is left and the flow scrolls only when it truly does not fit.
            @Override
            protected double computePrefHeight(double width) {
                double w = getWidth() > 0 ? getWidth() : width;
                return middle.prefHeight(w) + snappedTopInset() + snappedBottomInset();
            }
        };
        middleScroll.setFitToWidth(true);
        middleScroll.setFitToHeight(true);
        middleScroll.getStyleClass().add("edge-to-edge");
        middleScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        VBox events = new VBox(4, section("4", "Event store", "events.db, the source of truth · newest on top"),
                eventTable);
        VBox.setVgrow(eventTable, Priority.ALWAYS);
        events.getStyleClass().addAll("column", "bottom-column");

        // The middle column: the flow above the log it writes to. The flow takes the height it needs (it
        // scrolls only when a third lane does not fit), the event store every row that is left.
        events.setPrefHeight(200);
        events.setMinHeight(170);
        middleScroll.setMinHeight(160);
        VBox.setVgrow(events, Priority.ALWAYS);
        VBox centre = new VBox(6, middleScroll, events);
        centre.getStyleClass().add("centre-column");

        // Read models and their lag share the right-hand column, full height: each table gets room for
        // rows, and the chart of "how far behind" sits under the tables it is about.
        VBox right = new VBox(8, section("3", "Read models", "the read side"), readModels,
                lagChart);
        VBox.setVgrow(readModels, Priority.ALWAYS);
        lagChart.setPrefHeight(170);
        lagChart.setMinHeight(120);
        right.getStyleClass().addAll("column", "right-column");
        right.setMinWidth(300);

        // Three full-height columns, so each keeps its own height: commands and their results on the
        // left, the flow and the event store in the middle, the read models on the right.
        SplitPane all = new SplitPane(leftScroll, centre, right);
        all.setDividerPositions(0.228, 0.724);
        all.getStyleClass().add("outer-split");

        BorderPane frame = new BorderPane(all);
        scenarioStatus.getStyleClass().add("scenario-status");
        scenarioStatus.setId("scenario-status");
        scenarioNote.getStyleClass().add("scenario-note");
        scenarioNote.setId("scenario-note");
        scenarioNote.setWrapText(true);
        scenarioAnswers.getStyleClass().add("scenario-answers");
        scenarioAnswers.setId("scenario-answers");
        scenarioAnswers.setWrapText(true);
        scenarioAnswers.setVisible(false);
        scenarioAnswers.setManaged(false);
        scenarioBar.getStyleClass().add("scenario-bar");
        scenarioBar.setVisible(false);
        scenarioBar.setManaged(false);
        frame.setTop(new VBox(toolbar(), scenarioBar));
        frame.getStyleClass().add("frame");

        defineShortcuts();
        help = new HelpOverlay(shortcuts);
        toast.setId("notice-toast");
        toast.getStyleClass().add("notice-toast");
        toast.setGraphic(new FontIcon(MaterialDesignI.INFORMATION));
        toast.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        toast.setOpacity(0);
        toast.setMouseTransparent(true);
        // at the bottom, where it covers no heading and no scenario note
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new javafx.geometry.Insets(0, 0, 28, 0));
        javafx.animation.FadeTransition in = new javafx.animation.FadeTransition(javafx.util.Duration.millis(200), toast);
        in.setToValue(1);
        javafx.animation.FadeTransition out = new javafx.animation.FadeTransition(javafx.util.Duration.millis(800), toast);
        out.setToValue(0);
        toastFade = new javafx.animation.SequentialTransition(in,
                new javafx.animation.PauseTransition(javafx.util.Duration.seconds(6)), out);
        model.onSignal(s -> {
            if (s instanceof io.cqrsflow.flow.FlowSignal.Notice notice) {
                showNotice(notice.message());
            }
        });
        getChildren().addAll(frame, toast, help);

        presenter.addListener((o, a, b) -> applyFontScale());
        dark.addListener((o, a, b) -> applyTheme());
        applyTheme();
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                installShortcuts(b);
            }
        });
        model.start();
    }

    // ---- properties

    /** Presenter mode: every font larger, for the back of a room. */
    public BooleanProperty presenterModeProperty() {
        return presenter;
    }

    public BooleanProperty darkProperty() {
        return dark;
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

    public EventTableView eventTable() {
        return eventTable;
    }

    public LagChart lagChart() {
        return lagChart;
    }

    public HelpOverlay help() {
        return help;
    }

    public List<HelpOverlay.Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    // ---- commands

    /** Wires the scenario picker and ▶ ⏸ ⏭ to a player; null disables them again. */
    public void setScenarioControls(ScenarioControls controls) {
        this.scenarioControls = controls;
        boolean none = controls == null;
        scenario.getItems().setAll(none ? List.of() : controls.scenarioNames());
        if (!scenario.getItems().isEmpty()) {
            scenario.setValue(scenario.getItems().get(0));
        }
        for (Node n : List.of(scenario, play, pauseScenario, stepScenario)) {
            n.setDisable(none);
        }
        if (!none) {
            controls.setSpeed(model.speedProperty().get());
        }
    }

    /**
     * Shows where a scenario is and its latest note (a teacher's words for the class) in a bar under the
     * toolbar. FX thread only.
     */
    public void showScenarioProgress(String status, String note) {
        scenarioStatus.setText(status);
        scenarioNote.setText(note == null ? "" : note);
        scenarioNote.setVisible(note != null && !note.isBlank());
        scenarioNote.setManaged(scenarioNote.isVisible());
        scenarioBar.setVisible(true);
        scenarioBar.setManaged(true);
    }

    /**
     * As {@link #showScenarioProgress(String, String)}, with the latest query answers under the note (a
     * teacher's note often talks about them) and every note and answer since the last call put in the
     * result log, so that nothing a scenario said is gone once the next step replaces it. FX thread only.
     */
    public void showScenarioProgress(ScenarioPlayerControls.Progress progress) {
        showScenarioProgress(progress.status(), progress.note());
        scenarioAnswers.setText(String.join("\n", progress.answers()));
        scenarioAnswers.setVisible(!progress.answers().isEmpty());
        scenarioAnswers.setManaged(scenarioAnswers.isVisible());
        for (ScenarioPlayerControls.Logged l : progress.logged()) {
            commands.log().add(new io.cqrsflow.ui.command.ResultLog.Entry(l.query()
                    ? io.cqrsflow.ui.command.ResultLog.Outcome.QUERY : io.cqrsflow.ui.command.ResultLog.Outcome.NOTICE,
                    l.query() ? "? " + l.headline() : l.headline(), l.detail()));
        }
    }

    /** Selects a scenario in the picker (it must be one of the names the controls listed). */
    public void selectScenario(String name) {
        scenario.setValue(name);
    }

    /** What "Open data folder…" does; the item is disabled while this is null. */
    public void setOnOpenFolder(Runnable action) {
        openFolder.setDisable(action == null);
        openFolder.setOnAction(action == null ? null : e -> action.run());
    }

    /** What "Start fresh…" does (a new data folder; the old files are moved aside); disabled while null. */
    public void setOnStartFresh(Runnable action) {
        startFresh.setDisable(action == null);
        startFresh.setOnAction(action == null ? null : e -> action.run());
    }

    /**
     * Completes (on the FX thread) once every signal so far is shown and the read models have been read
     * again — call before a snapshot so the picture is current.
     */
    public CompletableFuture<Void> settle() {
        return model.settle();
    }

    /**
     * Shows what the engine wants the learner to know (read.db rebuilt, a projection added) for a few
     * seconds at the bottom of the window; the result log keeps it. FX thread only.
     */
    public void showNotice(String message) {
        toast.setText(message);
        toastFade.playFromStart();
    }

    /** The transient notice at the bottom of the window (for tests). */
    public Label noticeToast() {
        return toast;
    }

    /** Stops listening to the engine. Call before closing it. */
    public void dispose() {
        removeShortcuts();
        model.dispose();
    }

    /** Asks for a PNG file and writes the window to it. */
    public void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the window as PNG");
        chooser.setInitialFileName("cqrs-flow.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            WritableImage image = getScene().snapshot(null);
            CompletableFuture.runAsync(() -> {
                try {
                    Snapshots.writePng(image, file.toPath());
                } catch (java.io.IOException e) {
                    System.getLogger(MainView.class.getName()).log(System.Logger.Level.WARNING,
                            "could not write " + file, e);
                }
            });
        }
    }

    // ---- building

    private static Node section(String number, String title, String subtitle) {
        Label t = new Label(title);
        t.setMinWidth(Region.USE_PREF_SIZE);
        t.getStyleClass().add("section-title");
        Label s = new Label(subtitle);
        s.getStyleClass().add("section-subtitle");
        HBox box = new HBox(8);
        box.setAlignment(Pos.BASELINE_LEFT);
        if (number != null) {
            Label n = new Label(number);
            n.setMinWidth(Region.USE_PREF_SIZE);
            n.getStyleClass().add("section-number");
            box.getChildren().add(n);
        }
        box.getChildren().addAll(t, s);
        box.getStyleClass().add("section-header");
        return box;
    }

    private ToolBar toolbar() {
        Label brand = new Label("CQRS Flow", new FontIcon(MaterialDesignT.TRANSIT_CONNECTION_VARIANT));
        brand.getStyleClass().add("brand");

        scenario.setPromptText("scenario ▾");
        scenario.setId("scenario-picker");
        scenario.setPrefWidth(280);
        String later = "";
        scenario.setTooltip(new Tooltip("Pick a scenario written by your teacher" + later));
        play.setTooltip(new Tooltip("Play the scenario  (F5)" + later));
        pauseScenario.setTooltip(new Tooltip("Pause the scenario  (F6)" + later));
        stepScenario.setTooltip(new Tooltip("Run the scenario's next step  (F7)" + later));
        play.setOnAction(e -> {
            if (scenarioControls != null && scenario.getValue() != null) {
                scenarioControls.play(scenario.getValue());
            }
        });
        pauseScenario.setOnAction(e -> {
            if (scenarioControls != null) {
                scenarioControls.pause();
            }
        });
        stepScenario.setOnAction(e -> {
            if (scenarioControls != null && scenario.getValue() != null) {
                scenarioControls.step(scenario.getValue());
            }
        });
        for (Button b : List.of(play, pauseScenario, stepScenario)) {
            b.getStyleClass().addAll("button-icon", "flat");
        }
        play.setId("scenario-play");
        setScenarioControls(null);

        speed.getItems().addAll(0.25, 0.5, 1.0, 2.0, 4.0);
        speed.setValue(1.0);
        speed.setId("speed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == 0.25 ? "¼" : d == 0.5 ? "½" : String.format(Locale.ROOT, "%.0f", d)) + "×";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.setTooltip(new Tooltip("Speed of the animation and of scenarios  (Ctrl+Plus / Ctrl+Minus)"));
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.speedProperty().set(b);
                if (scenarioControls != null) {
                    scenarioControls.setSpeed(b);
                }
            }
        });
        Label speedLabel = new Label("speed");
        speedLabel.getStyleClass().add("toolbar-label");

        ToggleButton presenterButton = new ToggleButton("Presenter", new FontIcon(MaterialDesignP.PRESENTATION));
        presenterButton.setId("presenter-mode");
        presenterButton.selectedProperty().bindBidirectional(presenter);
        presenterButton.setTooltip(new Tooltip("Presenter mode: bigger text for the back of the room  (Ctrl+Shift+P)"));

        ToggleButton theme = new ToggleButton();
        theme.setId("theme-toggle");
        theme.selectedProperty().bindBidirectional(dark);
        theme.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new FontIcon(dark.get() ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT), dark));
        theme.setTooltip(new Tooltip("Light / dark theme  (Ctrl+Shift+D)"));
        theme.getStyleClass().add("button-icon");

        Button helpButton = new Button("What am I looking at?", new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE));
        helpButton.setId("help-button");
        helpButton.setTooltip(new Tooltip("The four parts of the screen and every shortcut  (F1)"));
        helpButton.setOnAction(e -> help.toggle());

        MenuItem export = new MenuItem("Export PNG…", new FontIcon(MaterialDesignC.CAMERA));
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> exportPng());
        setOnOpenFolder(null);
        setOnStartFresh(null);
        MenuButton menu = new MenuButton(null, new FontIcon(MaterialDesignM.MENU), export,
                new SeparatorMenuItem(), openFolder, startFresh);
        menu.getItems().addAll(1, flow.addProjectionItems()); // "Add projection …", one per read model added at runtime
        menu.setId("main-menu");
        menu.setTooltip(new Tooltip("Export PNG, data folder, start fresh"));
        menu.getStyleClass().addAll("button-icon", "no-arrow");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(brand, new Separator(Orientation.VERTICAL), scenario, play, pauseScenario,
                stepScenario, new Separator(Orientation.VERTICAL), speedLabel, speed, spacer, presenterButton, theme,
                helpButton, menu);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private void defineShortcuts() {
        shortcuts.add(new HelpOverlay.Shortcut("F1", "this help (Esc closes it)"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+1 … Ctrl+5", "Register · Place · Pay · Ship · Cancel form"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+Enter", "send the command"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+B", "burst: place " + CommandPane.BURST + " orders at once"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+L", "ask the query"));
        shortcuts.add(new HelpOverlay.Shortcut("Alt+1 / 2 / 3", "pause or resume lane 1 / 2 / 3"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+Shift+1 / 2 / 3", "step lane 1 / 2 / 3 (while paused)"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+Alt+1 / 2 / 3", "rebuild lane 1 / 2 / 3"));
        shortcuts.add(new HelpOverlay.Shortcut("Tab, ← →", "focus a delay slider, move it by 0.5 s"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+Shift+A", "add the sales-by-customer projection"));
        shortcuts.add(new HelpOverlay.Shortcut("F5 / F6 / F7", "scenario: play / pause / next step"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+Plus / Minus", "faster / slower animation"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+Shift+P", "presenter mode"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+Shift+D", "light / dark"));
        shortcuts.add(new HelpOverlay.Shortcut("Ctrl+E", "export the window as PNG"));
    }

    private void installShortcuts(Scene scene) {
        removeShortcuts();
        var acc = scene.getAccelerators();
        java.util.Set<KeyCombination> before = new java.util.HashSet<>(acc.keySet());
        putShortcuts(acc);
        shortcutScene = scene;
        installedShortcuts.clear();
        for (KeyCombination k : acc.keySet()) {
            if (!before.contains(k)) {
                installedShortcuts.add(k);
            }
        }
    }

    /** Takes this view's shortcuts off its scene, so a disposed view no longer answers keys. */
    private void removeShortcuts() {
        if (shortcutScene != null) {
            installedShortcuts.forEach(shortcutScene.getAccelerators()::remove);
            installedShortcuts.clear();
            shortcutScene = null;
        }
    }

    private void putShortcuts(javafx.collections.ObservableMap<KeyCombination, Runnable> acc) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        for (int i = 0; i < digits.length; i++) {
            int form = i;
            acc.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> commands.showForm(form));
        }
        for (int i = 0; i < 3; i++) {
            int lane = i + 1;
            acc.put(new KeyCodeCombination(digits[i], KeyCombination.ALT_DOWN), () -> flow.togglePause(lane));
            acc.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    () -> flow.step(lane));
            acc.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN),
                    () -> flow.rebuild(lane));
        }
        acc.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), commands::submit);
        acc.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), commands::burst);
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), queries::ask);
        acc.put(new KeyCodeCombination(KeyCode.F1), help::toggle);
        acc.put(new KeyCodeCombination(KeyCode.ESCAPE), help::hide);
        acc.put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                flow::addSalesProjection);
        acc.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> presenter.set(!presenter.get()));
        acc.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> dark.set(!dark.get()));
        acc.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportPng);
        acc.put(new KeyCodeCombination(KeyCode.F5), play::fire);
        acc.put(new KeyCodeCombination(KeyCode.F6), pauseScenario::fire);
        acc.put(new KeyCodeCombination(KeyCode.F7), stepScenario::fire);
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> stepSpeed(1));
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> stepSpeed(1));
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> stepSpeed(-1));
    }

    private void stepSpeed(int direction) {
        int i = speed.getItems().indexOf(speed.getValue()) + direction;
        if (i >= 0 && i < speed.getItems().size()) {
            speed.setValue(speed.getItems().get(i));
        }
    }

    private void applyFontScale() {
        double size = presenter.get() ? PRESENTER_FONT : BASE_FONT;
        setStyle("-fx-font-size: " + size + "px;");
        double scale = size / BASE_FONT;
        flow.setFontScale(scale);
        lagChart.setFontScale(scale);
        readModels.setFontScale(scale);
        eventTable.setFontScale(scale);
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(dark.get() ? PRIMER_DARK.getUserAgentStylesheet()
                : PRIMER_LIGHT.getUserAgentStylesheet());
        getStyleClass().remove("dark");
        if (dark.get()) {
            getStyleClass().add("dark");
        }
        flow.setDark(dark.get());
        lagChart.setDark(dark.get());
        applyFontScale();
    }

    /** For tests and the snapshot: the data folder this view shows. */
    public Path dataDir() {
        return model.client().dataDir();
    }
}
