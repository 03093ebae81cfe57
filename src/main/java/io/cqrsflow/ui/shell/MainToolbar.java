package io.cqrsflow.ui.shell;

import io.cqrsflow.ui.ScenarioControls;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.List;
import java.util.Locale;

/**
 * The top of the window: the scenario picker with ▶ ⏸ ⏭, the speed, presenter mode, the theme, the help,
 * and a menu (export PNG, add a projection, data folder, start fresh). Menu entries whose action is not
 * given yet stay disabled. An HBox, not a ToolBar: a ToolBar hides what does not fit behind "»", and a
 * control in that overflow menu (the picker's popup, say) loses the click that opens it. Here the
 * picker shrinks and the text buttons fall back to their icons, so every control stays on screen.
 *
 * <p>Over 300 lines for now: one control per field, each with its id, tooltip and shortcut text, in
 * toolbar order, and the free space that shows notices. To split next: the ☰ menu.
 */
public final class MainToolbar extends HBox {
    /** Below this width the text buttons show their icon only (their tooltip still says what they do). */
    private static final double COMPACT_BELOW_EM = 78;
    private final DoubleProperty speedOfModel;
    private final ComboBox<String> scenario = new ComboBox<>();
    private final Button play = new Button(null, new FontIcon(MaterialDesignP.PLAY));
    private final Button pause = new Button(null, new FontIcon(MaterialDesignP.PAUSE));
    private final Button step = new Button(null, new FontIcon(MaterialDesignS.SKIP_NEXT));
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Button help = new Button("What am I looking at?", new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE));
    private final MenuItem exportPng = new MenuItem("Export PNG…", new FontIcon(MaterialDesignC.CAMERA));
    private final List<MenuItem> addProjections = new java.util.ArrayList<>();
    private final MenuButton menu = new MenuButton(null, new FontIcon(MaterialDesignM.MENU));
    private final MenuItem openFolder = new MenuItem("Open data folder…", new FontIcon(MaterialDesignF.FOLDER_OPEN));
    private final MenuItem startFresh = new MenuItem("Start fresh…", new FontIcon(MaterialDesignR.RESTART));
    private final MenuItem record = new MenuItem("Record a lesson / stop", new FontIcon(MaterialDesignR.RECORD_CIRCLE_OUTLINE));
    private final MenuItem quit = new MenuItem("Quit", new FontIcon(MaterialDesignE.EXIT_TO_APP));
    private final MenuItem loadGenerator = new MenuItem("Load generator…");
    private final MenuItem frameMeter = new MenuItem("Frame meter");
    private final ToggleButton presenter;
    private final Label brand = new Label("CQRS Flow", new FontIcon(MaterialDesignT.TRANSIT_CONNECTION_VARIANT));
    private final Label speedLabel = speedLabel();
    private Region window;
    private ScenarioControls scenarioControls;
    /** The free space between the speed picker and the presenter toggle; the engine's notices show here. */
    private final javafx.scene.layout.StackPane spacer = new javafx.scene.layout.StackPane();

    /** {@code speed}: the animation's speed, which the picker sets (and scenarios follow). */
    public MainToolbar(DoubleProperty speed, Appearance appearance) {
        this.speedOfModel = speed;
        brand.getStyleClass().add("brand");
        brand.setTooltip(new Tooltip("CQRS Flow"));
        spacer.setId("toolbar-free-space");
        spacer.setMinSize(0, 0);
        spacer.setPrefSize(0, 0); // takes the row's height, never makes the row taller
        HBox.setHgrow(spacer, Priority.ALWAYS);
        presenter = presenterToggle(appearance);
        getChildren().addAll(brand, new Separator(Orientation.VERTICAL), scenario, play, pause, step,
                new Separator(Orientation.VERTICAL), speedLabel, speedPicker(), spacer,
                presenter, themeToggle(appearance), helpButton(), menu());
        for (Node n : getChildren()) {
            if (n != scenario && n != spacer) {
                ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().add("main-toolbar");
        setId("main-toolbar");
        widthProperty().addListener((o, a, b) -> compact());
        scenario.valueProperty().addListener((o, a, b) -> fitPicker());
        fontProperty().addListener((o, a, b) -> compact());
        scenarioButtons();
        setScenarioControls(null);
    }

    /**
     * Shows {@code notice} in the toolbar's free space, where it covers no control and no content (a toast
     * floating over the window hid the event store's rows); too narrow a space hides it — the Results log
     * keeps every notice anyway.
     */
    public void setNotice(javafx.scene.control.Label notice) {
        notice.setMinSize(0, 0);
        notice.setWrapText(true);
        // shown only where all of it fits (on two lines at most): a notice is never cut to "…"
        notice.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> spacer.getWidth() > NOTICE_NEEDS_PX && notice.prefWidth(-1) > 0
                        && notice.prefHeight(spacer.getWidth()) <= spacer.getHeight() + 0.5,
                spacer.widthProperty(), spacer.heightProperty(), notice.textProperty(), notice.fontProperty()));
        spacer.getChildren().setAll(notice);
    }

    private static final double NOTICE_NEEDS_PX = 120;

    /** Its controls, left to right (it was a ToolBar once; tests still ask for its items). */
    public javafx.collections.ObservableList<Node> getItems() {
        return getChildren();
    }

    /**
     * Decides compactness by the window's width rather than its own: the toolbar is as wide as its words
     * need, so judged by itself it would never find that it is too wide.
     */
    public void followWidthOf(Region window) {
        this.window = window;
        window.widthProperty().addListener((o, a, b) -> compact());
        compact();
    }

    /** Icon-only text buttons when the window is narrow for the font; back to words when it is wide again. */
    private void compact() {
        double em = getFont() == null ? 14 : getFont().getSize();
        double width = window != null ? window.getWidth() : getWidth();
        boolean narrow = width > 0 && width < COMPACT_BELOW_EM * em;
        ContentDisplay d = narrow ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        help.setContentDisplay(d);
        presenter.setContentDisplay(d);
        brand.setContentDisplay(d);
        speedLabel.setVisible(!narrow);
        speedLabel.setManaged(!narrow);
        fitPicker();
    }

    /** The picker as wide as the lesson's name in it: a name is never cut to "…". */
    private void fitPicker() {
        String name = scenario.getValue();
        javafx.scene.text.Text t = new javafx.scene.text.Text(name == null ? scenario.getPromptText() : name);
        t.setFont(getFont());
        double w = Math.ceil(t.getLayoutBounds().getWidth() + 3.6 * getFont().getSize());
        scenario.setMinWidth(w);
        scenario.setPrefWidth(Math.max(w, 280));
    }

    private javafx.scene.text.Font getFont() {
        return help.getFont();
    }

    private javafx.beans.value.ObservableValue<javafx.scene.text.Font> fontProperty() {
        return help.fontProperty();
    }

    // ---- what the window wires in

    /** Wires the scenario picker and ▶ ⏸ ⏭ to a player; null disables them again. */
    public void setScenarioControls(ScenarioControls controls) {
        this.scenarioControls = controls;
        boolean none = controls == null;
        scenario.getItems().setAll(none ? List.of() : controls.scenarioNames());
        if (!scenario.getItems().isEmpty()) {
            scenario.setValue(scenario.getItems().get(0));
        }
        for (Node n : List.of(scenario, play, pause, step)) {
            n.setDisable(none);
        }
        if (!none) {
            controls.setSpeed(speedOfModel.get());
        }
    }

    /** The scenario chosen in the picker; null when none. */
    public String selectedScenario() {
        return scenario.getValue();
    }

    /** Selects a scenario in the picker (it must be one of the names the controls listed). */
    public void selectScenario(String name) {
        scenario.setValue(name);
    }

    public void setOnHelp(Runnable action) {
        help.setOnAction(action == null ? null : e -> action.run());
    }

    /** {@code key} is shown beside the menu entry. */
    public void setOnExportPng(Runnable action, KeyCombination key) {
        wire(exportPng, action);
        exportPng.setAccelerator(key);
    }

    /** The ☰ menu's "Add projection …" items, one per read model added at runtime. */
    public void setAddProjectionItems(List<MenuItem> items) {
        menu.getItems().removeAll(addProjections);
        addProjections.clear();
        addProjections.addAll(items);
        menu.getItems().addAll(1, items);
    }

    /** "Record a lesson / stop" in the ☰ menu; {@code key} is shown beside it. */
    public void setOnRecord(Runnable action, KeyCombination key) {
        wire(record, action);
        record.setAccelerator(key);
    }

    /** What "Record a lesson / stop" does. */
    public void record() {
        record.fire();
    }

    /** "Load generator…" and "Frame meter" in the ☰ menu, each showing or hiding its panel. */
    public void setLoadAndFrameMeter(Runnable load, KeyCombination loadKey, Runnable meter, KeyCombination meterKey) {
        wire(loadGenerator, load);
        loadGenerator.setAccelerator(loadKey);
        loadGenerator.setId("menu-load");
        wire(frameMeter, meter);
        frameMeter.setAccelerator(meterKey);
        frameMeter.setId("menu-frame-meter");
        if (!menu.getItems().contains(loadGenerator)) {
            menu.getItems().addAll(menu.getItems().indexOf(quit), List.of(loadGenerator, frameMeter, new SeparatorMenuItem()));
        }
    }

    public void toggleLoad() {
        loadGenerator.fire();
    }

    public void toggleFrameMeter() {
        frameMeter.fire();
    }

    /** "Quit" in the ☰ menu; {@code key} is shown beside it. */
    public void setOnQuit(Runnable action, KeyCombination key) {
        wire(quit, action);
        quit.setAccelerator(key);
    }

    /** What "Quit" does. */
    public void quit() {
        quit.fire();
    }

    public void setOnOpenFolder(Runnable action) {
        wire(openFolder, action);
    }

    /** A new data folder; the old files are moved aside. */
    public void setOnStartFresh(Runnable action) {
        wire(startFresh, action);
    }

    // ---- what the shortcuts do (as the buttons would: nothing while they are disabled)

    public void playScenario() {
        play.fire();
    }

    public void pauseScenario() {
        pause.fire();
    }

    public void stepScenario() {
        step.fire();
    }

    /** What "Export PNG…" does. */
    public void exportPng() {
        exportPng.fire();
    }

    /** Sets the speed picker (and so the animation and scenarios); a speed not in its list is added to it. */
    public void setSpeed(double factor) {
        if (!speed.getItems().contains(factor)) {
            speed.getItems().add(factor);
            speed.getItems().sort(null);
        }
        speed.setValue(factor);
    }

    /** One step up (+1) or down (−1) the speed picker's list, not past its ends. */
    public void stepSpeed(int direction) {
        int i = speed.getItems().indexOf(speed.getValue()) + direction;
        if (i >= 0 && i < speed.getItems().size()) {
            speed.setValue(speed.getItems().get(i));
        }
    }

    // ---- building

    private static void wire(MenuItem item, Runnable action) {
        item.setDisable(action == null);
        item.setOnAction(action == null ? null : e -> action.run());
    }

    private void scenarioButtons() {
        scenario.setPromptText("scenario ▾");
        scenario.setId("scenario-picker");
        scenario.setPrefWidth(280);
        scenario.setMinWidth(120);
        HBox.setHgrow(scenario, Priority.SOMETIMES);
        scenario.setTooltip(new Tooltip("Pick a scenario written by your teacher"));
        play.setTooltip(new Tooltip("Play the scenario  (F5)"));
        pause.setTooltip(new Tooltip("Pause the scenario  (F6)"));
        step.setTooltip(new Tooltip("Run the scenario's next step  (F7)"));
        play.setOnAction(e -> {
            if (scenarioControls != null && scenario.getValue() != null) {
                scenarioControls.play(scenario.getValue());
            }
        });
        pause.setOnAction(e -> {
            if (scenarioControls != null) {
                scenarioControls.pause();
            }
        });
        step.setOnAction(e -> {
            if (scenarioControls != null && scenario.getValue() != null) {
                scenarioControls.step(scenario.getValue());
            }
        });
        for (Button b : List.of(play, pause, step)) {
            b.getStyleClass().addAll("button-icon", "flat");
        }
        play.setId("scenario-play");
    }

    private static Label speedLabel() {
        Label label = new Label("speed");
        label.getStyleClass().add("toolbar-label");
        return label;
    }

    private ComboBox<Double> speedPicker() {
        speed.getItems().addAll(0.25, 0.5, 1.0, 2.0, 4.0);
        speed.setValue(1.0);
        speed.setId("speed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == 0.25 ? "¼" : d == 0.5 ? "½" : d == Math.rint(d)
                        ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "")) + "×";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.setTooltip(new Tooltip("Speed of the animation and of scenarios  (Ctrl+Plus / Ctrl+Minus)"));
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                speedOfModel.set(b);
                if (scenarioControls != null) {
                    scenarioControls.setSpeed(b);
                }
            }
        });
        return speed;
    }

    private static ToggleButton presenterToggle(Appearance appearance) {
        ToggleButton presenter = new ToggleButton("Presenter", new FontIcon(MaterialDesignP.PRESENTATION));
        presenter.setId("presenter-mode");
        presenter.selectedProperty().bindBidirectional(appearance.presenterProperty());
        presenter.setTooltip(new Tooltip("Presenter mode: bigger text for the back of the room  (Ctrl+Shift+P)"));
        return presenter;
    }

    private static ToggleButton themeToggle(Appearance appearance) {
        ToggleButton theme = new ToggleButton();
        theme.setId("theme-toggle");
        theme.selectedProperty().bindBidirectional(appearance.darkProperty());
        theme.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(appearance.darkProperty().get()
                ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT), appearance.darkProperty()));
        theme.setTooltip(new Tooltip("Light / dark theme  (Ctrl+Shift+D)"));
        theme.getStyleClass().add("button-icon");
        return theme;
    }

    private Button helpButton() {
        help.setId("help-button");
        help.setTooltip(new Tooltip("The four parts of the screen and every shortcut  (F1)"));
        return help;
    }

    private MenuButton menu() {
        for (MenuItem item : List.of(exportPng, record, openFolder, startFresh, quit)) {
            wire(item, null);
        }
        record.setId("menu-record");
        menu.getItems().setAll(exportPng, record, new SeparatorMenuItem(), openFolder, startFresh, new SeparatorMenuItem(), quit);
        quit.setId("menu-quit");
        menu.setId("main-menu");
        menu.setTooltip(new Tooltip("Export PNG, record a lesson, data folder, start fresh"));
        menu.getStyleClass().addAll("button-icon", "no-arrow");
        return menu;
    }
}
