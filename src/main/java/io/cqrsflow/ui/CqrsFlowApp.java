package io.cqrsflow.ui;

import io.cqrsflow.flow.DataFolder;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.ui.command.ResultLog;
import io.cqrsflow.scenario.ScenarioLibrary;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * The desktop window. Remembers its size and the last data folder. Launch with
 * {@link #launch(Path, Map, String...)} (or {@code Application.launch(CqrsFlowApp.class)}, which uses the
 * remembered folder).
 *
 * <p>Longer than 300 lines for now: it is the window's composition root and owns the engine's life cycle —
 * every path that opens or closes a data folder (start, open, start fresh, a lesson in, a lesson out) is
 * here, on the FX thread, so no two can interleave. To split next: the lesson folder switching.
 */
public final class CqrsFlowApp extends Application {
    public static final double MIN_WIDTH = 1280;
    public static final double MIN_HEIGHT = 800;
    /** A first-time learner sees the list lag behind the detail at once. */
    public static final Map<String, Long> DEFAULT_DELAYS = Map.of(ProjectionNames.ORDER_LIST, 2_000L,
            ProjectionNames.ORDER_DETAIL, 0L);

    private static final String PREF_DATA = "dataDir";
    private static final String PREF_WIDTH = "width";
    private static final String PREF_HEIGHT = "height";
    private static final String PREF_MAXIMIZED = "maximized";
    private static final String PREF_DARK = "dark";

    private static volatile Path configuredDataDir;
    private static volatile Map<String, Long> configuredDelays;
    private static volatile Scenario configuredScenario;
    private static volatile double configuredSpeed = 1;
    /** The first folder being opened since {@link #launch}; null: {@link #init} opens it. */
    private static volatile CompletableFuture<Engine> early;
    /** The first folder's choice, set before it is opened. */
    private static volatile FirstFolder firstFolder;

    private final Preferences prefs = Preferences.userNodeForPackage(CqrsFlowApp.class);
    private String dataDirNotice;
    private Engine engine;
    private String openProblem;
    private Stage stage;
    private MainView view;
    private ScenarioPlayerControls scenarios;
    /** While a lesson plays: its own folder, and the learner's folder to go back to. */
    private final LessonMode lessons = new LessonMode();
    private final CrudPanelChoice crudChoice = new CrudPanelChoice();
    /** The lesson whose folder is open; null: none. */
    private Scenario lessonScenario;

    /** Opens the window on {@code dataDir} (null: the remembered folder) with these projector delays (null: defaults). */
    public static void launch(Path dataDir, Map<String, Long> delays, String... args) {
        launch(dataDir, delays, null, args);
    }

    /** As above, and plays {@code scenario} (validated already; null: none) once the window is up. */
    public static void launch(Path dataDir, Map<String, Long> delays, Scenario scenario, String... args) {
        launch(dataDir, delays, scenario, 1, args);
    }

    /** As above, with the speed picker set to {@code speed} (--speed; 1: normal). */
    public static void launch(Path dataDir, Map<String, Long> delays, Scenario scenario, double speed, String... args) {
        configure(dataDir, delays, scenario, speed);
        // The databases open while the toolkit starts, on a thread of their own; init() takes the result.
        early = openFirst(r -> {
            Thread t = new Thread(r, "open data folder");
            t.setDaemon(true);
            t.start();
        });
        Application.launch(CqrsFlowApp.class, args);
    }

    /** What the next instance opens: as {@link #launch}, for a toolkit that is already running (tests). */
    static void configure(Path dataDir, Map<String, Long> delays, Scenario scenario, double speed) {
        configuredSpeed = speed;
        configuredDataDir = dataDir;
        configuredDelays = delays;
        configuredScenario = scenario;
    }

    /** The folder used when none is given: the one used last, else the per-user default. */
    public static Path rememberedDataDir() {
        String remembered = Preferences.userNodeForPackage(CqrsFlowApp.class).get(PREF_DATA, null);
        return remembered != null ? Path.of(remembered) : DataFolder.defaultLocation();
    }

    /** Where to open, and what to tell the learner about it (null: nothing to tell). */
    record DataDirChoice(Path dir, String notice) {
    }

    /**
     * The folder given, else the one remembered — unless it is gone (a USB stick, a deleted folder): then
     * the default folder, and a notice saying so, rather than silently making an empty folder where the
     * old one was.
     */
    static DataDirChoice chooseDataDir(Path configured, String remembered, Path defaultDir) {
        if (configured != null) {
            return new DataDirChoice(configured, null);
        }
        if (remembered == null) {
            return new DataDirChoice(defaultDir, null);
        }
        Path dir = Path.of(remembered);
        if (Files.isDirectory(dir)) {
            return new DataDirChoice(dir, null);
        }
        return new DataDirChoice(defaultDir, "The data folder used last, " + dir + ", no longer exists;"
                + " opened the default folder " + defaultDir + " instead (☰ → Open data folder… to choose another).");
    }

    /** The first folder, what to tell about it (null: nothing), and the first paint its check waits for. */
    private record FirstFolder(Path dir, String notice, CompletableFuture<Void> painted) {
    }

    @Override
    public void init() {
        CompletableFuture<Engine> opening = early;
        early = null;
        if (opening == null) {
            // The launcher thread, not the FX thread: opening the databases touches the disk.
            opening = openFirst(Runnable::run);
        }
        try {
            engine = opening.join();
            OpenTiming.mark("engine open");
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            openProblem = firstFolder.dir() + ": " + cause.getMessage();
        }
        dataDirNotice = firstFolder.notice();
        firstPainted = firstFolder.painted();
    }

    /** Completed once the first view has been painted: events.db's background check starts then. */
    private CompletableFuture<Void> firstPainted;

    /** Chooses the first folder (see {@link #firstFolder}) and opens it, on {@code thread}. */
    private static CompletableFuture<Engine> openFirst(java.util.concurrent.Executor thread) {
        return CompletableFuture.supplyAsync(() -> {
            DataDirChoice choice = chooseDataDir(configuredDataDir,
                    Preferences.userNodeForPackage(CqrsFlowApp.class).get(PREF_DATA, null), DataFolder.defaultLocation());
            // At most 10 s: a window that never paints does not hold the check (and the first command) for ever.
            CompletableFuture<Void> painted = new CompletableFuture<Void>().completeOnTimeout(null, 10, TimeUnit.SECONDS);
            firstFolder = new FirstFolder(choice.dir(), choice.notice(), painted);
            // Lesson folders a killed copy left behind (only ours, only unused ones: see LessonFolders).
            io.cqrsflow.ui.lesson.LessonFolders.deleteStale(DataFolder::inUse);
            return open(choice.dir(), painted);
        }, thread);
    }

    private static Engine open(Path dir) {
        return open(dir, CompletableFuture.completedFuture(null));
    }

    /** @param checkAfter events.db's check (a large store's takes seconds of a core) starts once this completes */
    private static Engine open(Path dir, CompletableFuture<Void> checkAfter) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder: " + e.getMessage(), e);
        }
        Map<String, Long> delays = configuredDelays != null ? configuredDelays : DEFAULT_DELAYS;
        // The window opens at once at any size: events.db's check runs in the background (the first command waits).
        return Engine.openCheckingInBackground(dir, Clock.systemUTC(), delays, checkAfter);
    }

    /** A remembered size, or the default when none (or nonsense, such as NaN) was stored. */
    private double remembered(String key, double fallback) {
        double value = prefs.getDouble(key, fallback);
        return Double.isFinite(value) && value > 0 ? value : fallback;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        stage.setTitle("CQRS Flow");
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        // The remembered size, but never larger than this screen (a laptop after a projector).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double w = Math.min(screen.getWidth(), Math.max(MIN_WIDTH, remembered(PREF_WIDTH, MIN_WIDTH)));
        double h = Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, remembered(PREF_HEIGHT, MIN_HEIGHT)));
        Scene scene = new Scene(new Label("Opening…"), w, h);
        LessonMode.spaceContinues(scene, () -> view);
        stage.setScene(scene);
        stage.setMaximized(prefs.getBoolean(PREF_MAXIMIZED, false));
        if (engine != null) {
            show(engine);
        } else {
            failed(openProblem);
        }
        stage.show();
        if (!stage.isMaximized()) {
            stage.centerOnScreen();
        }
    }

    private void show(Engine opened) {
        show(opened, null);
    }

    /** @param lesson controls that hold a lesson started in {@code opened}'s lesson folder; null: none */
    private void show(Engine opened, ScenarioPlayerControls lesson) {
        this.engine = opened;
        if (!lessons.playing()) {
            prefs.put(PREF_DATA, opened.dataDir().toAbsolutePath().toString());
        }
        boolean dark = view != null ? view.darkProperty().get() : prefs.getBoolean(PREF_DARK, false);
        boolean presenter = view != null && view.presenterModeProperty().get();
        // The speed chosen (or given with --speed) stays across folders and lessons.
        double speed = view != null ? view.model().speedProperty().get() : configuredSpeed;
        view = new MainView(opened.client());
        view.toolbar().setSpeed(speed);
        view.darkProperty().set(dark);
        view.presenterModeProperty().set(presenter);
        showCrud(lesson);
        view.toolbar().setOnOpenFolder(this::chooseFolder);
        view.toolbar().setOnStartFresh(this::startFresh);
        view.recorderBar().setOnStartFresh(this::startFreshAndRecord);
        view.recorderBar().adopt(carried, carriedTitle);
        carried = null;
        if (recordOnOpen) {
            recordOnOpen = false;
            view.recorderBar().start();
        }
        scenarios = lesson != null ? lesson : controls(opened);
        lessons.wire(view, scenarios, this::leaveLesson);
        view.toolbar().setScenarioControls(scenarios);
        if (lessons.chosen() != null && scenarios.scenario(lessons.chosen()).isPresent()) {
            view.toolbar().selectScenario(lessons.chosen());
        }
        stage.getScene().setRoot(view);
        // before a lesson given with --scenario opens: that closes this view and leaves view null a moment
        OpenTiming.watch(stage, view.model());
        if (firstPainted != null) {
            CompletableFuture<Void> painted = firstPainted;
            firstPainted = null;
            LessonMode.afterFirstPaint(stage, () -> painted.complete(null));
        }
        Scenario first = configuredScenario;
        configuredScenario = null;
        if (first != null) {
            view.toolbar().selectScenario(first.name());
            openLesson(first, 0, false);
        } else if (lesson != null) {
            ScenarioPlayerControls started = lesson;
            // The lesson's clock starts once the window has been shown and painted, never before.
            LessonMode.afterFirstPaint(stage, () -> started.go(lessons.startPaused()));
        }
        stage.setTitle("CQRS Flow — " + opened.dataDir().toAbsolutePath()
                + (lessons.playing() ? " (lesson folder; your own data is untouched)" : ""));
        if (dataDirNotice != null) {
            view.noticeToast().show(dataDirNotice);
            view.commands().log().add(new ResultLog.Entry(ResultLog.Outcome.NOTICE, "Data folder", dataDirNotice));
            dataDirNotice = null;
        }
    }

    /**
     * The CRUD panel (the learner's choice, or the lesson's while one that lists it plays in this view) and
     * which read models the lesson uses.
     */
    private void showCrud(ScenarioPlayerControls lesson) {
        if (lesson == null) {
            lessonScenario = null;
        }
        crudChoice.apply(view, lessonScenario);
        // The read models the lesson does not list fold first when the column is short.
        view.setLessonPanels(lessonScenario == null ? java.util.List.of() : lessonScenario.panels());
    }

    /** Player controls for {@code opened}, showing on whichever view is current when they report. */
    private ScenarioPlayerControls controls(Engine opened) {
        ScenarioPlayerControls[] self = new ScenarioPlayerControls[1];
        self[0] = new ScenarioPlayerControls(opened.client(), new ScenarioLibrary(), lessons.extra(configuredScenario),
                progress -> {
                    if (view != null && scenarios == self[0]) {
                        view.lessonBar().show(progress);
                    }
                });
        self[0].setLessonHost(this::openLesson, lessons.playing(), new io.cqrsflow.ui.lesson.LessonFeed(state -> {
            if (view != null && scenarios == self[0]) {
                view.lessonPanel().show(state);
            }
        }));
        return self[0];
    }

    /**
     * Plays {@code scenario} in a fresh lesson folder: closes the current folder (the learner's is reopened
     * untouched when the lesson is left), plays the steps before {@code index} at once before the window
     * shows the folder (so a jump is not animated), then starts the clock after the first paint.
     */
    private void openLesson(Scenario scenario, int index, boolean paused) {
        FxThread.check("openLesson");
        lessonScenario = scenario;
        Engine oldEngine = engine;
        Path oldLesson = lessons.begin(oldEngine.dataDir(), view.toolbar().selectedScenario(), paused);
        scenarios.close();
        carry(view);
        view.dispose();
        view = null;
        stage.getScene().setRoot(new Label("Opening the lesson “" + scenario.name() + "” in a fresh lesson folder …"));
        CompletableFuture<Map.Entry<Engine, ScenarioPlayerControls>> ready = CompletableFuture.supplyAsync(() -> {
            oldEngine.close();
            io.cqrsflow.ui.lesson.LessonFolders.delete(oldLesson);
            Engine opened = Engine.open(io.cqrsflow.ui.lesson.LessonFolders.create(), Clock.systemUTC(),
                    scenario.projectorDelays());
            return opened;
        }).thenCompose(opened -> {
            ScenarioPlayerControls c = controls(opened);
            return c.startLesson(scenario, index).thenApply(jumped -> Map.entry(opened, c));
        });
        FxThread.whenDone(ready, (entry, failure) -> {
            if (entry != null) {
                show(entry.getKey(), entry.getValue());
            } else {
                engine = null;
                failed("the lesson folder: " + FxThread.message(failure));
            }
        });
    }

    /** Closes the lesson's folder (deleting it) and reopens the learner's own, untouched. */
    private void leaveLesson() {
        if (lessons.playing()) {
            Path lessonFolder = engine.dataDir();
            switchTo(lessons.end(), false, lessonFolder);
        }
    }

    private void failed(String problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem + "\n\nChoose another data folder?",
                ButtonType.YES, ButtonType.CANCEL);
        alert.setHeaderText("The data folder cannot be opened");
        alert.showAndWait().filter(b -> b == ButtonType.YES).ifPresentOrElse(b -> chooseFolder(), Platform::exit);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Data folder (events.db and read.db live here)");
        if (engine != null) {
            chooser.setInitialDirectory(engine.dataDir().toAbsolutePath().toFile());
        }
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            leaveLessonFolder();
            switchTo(dir.toPath(), false);
        } else if (engine == null) {
            Platform.exit();
        }
    }

    private void startFresh() {
        Path dir = lessons.playing() ? lessons.learnerDir() : engine.dataDir();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Start with an empty event store? Nothing is deleted: events.db and read.db are moved to "
                        + dir.resolve("old-<date-time>") + ".", ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Start fresh");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            leaveLessonFolder();
            switchTo(dir, true);
        });
    }

    /** ☰ → Record on a store with events: start fresh (old files moved aside), then record in the fresh store. */
    private void startFreshAndRecord() {
        Path dir = lessons.playing() ? lessons.learnerDir() : engine.dataDir();
        leaveLessonFolder();
        recordOnOpen = true;
        switchTo(dir, true);
    }

    /** A recording made in a folder the window leaves is stopped and offered for saving in the next one. */
    private void carry(MainView leaving) {
        io.cqrsflow.scenario.Recording r = leaving.recorderBar().detach();
        if (r != null) {
            carried = r;
            carriedTitle = leaving.recorderBar().title();
        }
    }

    private boolean recordOnOpen;
    private io.cqrsflow.scenario.Recording carried;
    private String carriedTitle;

    /** Forgets the lesson folder (deleted once its engine is closed by the switch that follows). */
    private void leaveLessonFolder() {
        if (lessons.playing()) {
            pendingDelete = engine.dataDir();
            lessons.end();
        }
    }

    private Path pendingDelete;

    /** Closes the current engine and opens {@code dir} — off the FX thread; moves old files aside first if asked. */
    private void switchTo(Path dir, boolean fresh) {
        Path delete = pendingDelete;
        pendingDelete = null;
        switchTo(dir, fresh, delete);
    }

    /** As above; {@code lessonToDelete} (a lesson folder, or null) is deleted once its engine is closed. */
    private void switchTo(Path dir, boolean fresh, Path lessonToDelete) {
        MainView old = view;
        if (old != null) {
            lessons.choose(old.toolbar().selectedScenario());
        }
        Engine oldEngine = engine;
        if (scenarios != null) {
            scenarios.close();
        }
        if (old != null) {
            carry(old);
            old.dispose();
        }
        stage.getScene().setRoot(new Label("Opening " + dir + " …"));
        FxThread.whenDone(CompletableFuture.supplyAsync(() -> {
            if (oldEngine != null) {
                oldEngine.close();
            }
            io.cqrsflow.ui.lesson.LessonFolders.delete(lessonToDelete);
            if (fresh) {
                moveAside(dir);
            }
            return open(dir);
        }), (opened, failure) -> {
            if (opened != null) {
                show(opened);
            } else {
                engine = null;
                failed(dir + ": " + FxThread.message(failure));
            }
        });
    }

    /** Moves events.db and read.db (with -wal/-shm) into DIR/old-<time>/. Never deletes. */
    static void moveAside(Path dir) {
        try {
            DataFolder.moveAside(dir, java.time.Instant.now());
        } catch (IOException e) {
            throw new IllegalStateException("could not move the old files aside: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (stage != null) {
            prefs.putBoolean(PREF_MAXIMIZED, stage.isMaximized());
            if (!stage.isMaximized() && Double.isFinite(stage.getWidth()) && Double.isFinite(stage.getHeight())) {
                prefs.putDouble(PREF_WIDTH, stage.getWidth());
                prefs.putDouble(PREF_HEIGHT, stage.getHeight());
            }
        }
        if (scenarios != null) {
            scenarios.close();
        }
        if (view != null) {
            prefs.putBoolean(PREF_DARK, view.darkProperty().get());
            view.dispose();
        }
        if (engine != null) {
            engine.close();
            if (lessons.playing()) {
                io.cqrsflow.ui.lesson.LessonFolders.delete(engine.dataDir());
            }
        }
    }
}
