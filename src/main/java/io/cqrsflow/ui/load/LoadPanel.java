package io.cqrsflow.ui.load;

import io.cqrsflow.load.LoadMix;
import io.cqrsflow.load.LoadReport;
import io.cqrsflow.load.LoadRun;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.FxThread;
import io.cqrsflow.ui.command.ResultLog;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.Locale;

/**
 * The window's load generator, a small card under the toolbar (☰ → Load generator, Ctrl+Shift+G): a rate
 * slider (5–500 commands a second, changeable while it runs), start / stop, and live figures — sent, rate
 * achieved, accepted, rejected, conflicts. When it stops, its report goes to Results. The commands go through
 * the same {@link io.cqrsflow.flow.FlowClient} as the forms, from the generator's own thread.
 */
public final class LoadPanel extends VBox {
    static final double MIN_RATE = 5;
    static final double MAX_RATE = 500;
    static final double START_RATE = 200;

    private final FlowModel model;
    private final ResultLog log;
    private final Slider rate = new Slider(MIN_RATE, MAX_RATE, START_RATE);
    private final Label rateValue = new Label();
    private final Button startStop = new Button();
    private final Label figures = new Label("Sends a shop's commands: orders, payments, shipments, cancellations,"
            + " some breaking a rule, some conflicting.");
    private final Runnable unsubscribe;
    private LoadRun run;
    private long shownAt;
    private int runs;
    private LoadReport lastReport;

    public LoadPanel(FlowModel model, ResultLog log) {
        this.model = model;
        this.log = log;
        getStyleClass().add("load-panel");
        setId("load-panel");
        setVisible(false);
        setFillWidth(true);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setPrefWidth(300);

        Label title = new Label("Load generator");
        title.getStyleClass().add("load-title");
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll("button-icon", "flat");
        close.setTooltip(new Tooltip("Hide (the generator keeps running until stopped)"));
        close.setOnAction(e -> toggle());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, gap, close);
        head.setAlignment(Pos.CENTER_LEFT);

        rate.setId("load-rate");
        rate.setBlockIncrement(5);
        rate.setMajorTickUnit(5);
        rate.setSnapToTicks(true);
        rate.setTooltip(new Tooltip("Commands a second; changes at once, also while running"));
        HBox.setHgrow(rate, Priority.ALWAYS);
        rate.valueProperty().addListener((o, a, b) -> {
            showRate();
            if (run != null) {
                run.setRate(b.doubleValue());
            }
        });
        rateValue.setMinWidth(Region.USE_PREF_SIZE);
        startStop.setId("load-start");
        startStop.setOnAction(e -> startOrStop());
        HBox controls = new HBox(6, rate, rateValue, startStop);
        controls.setAlignment(Pos.CENTER_LEFT);
        figures.setId("load-figures");
        figures.setWrapText(true);
        figures.getStyleClass().add("load-figures");
        getChildren().addAll(head, controls, figures);
        setSpacing(6);
        showRate();
        showButton();
        unsubscribe = model.onFrame(this::frame);
    }

    /** Shows or hides the card; FX thread. */
    public void toggle() {
        setVisible(!isVisible());
    }

    public boolean isRunning() {
        return run != null;
    }

    /** Starts at the slider's rate, or stops and reports; FX thread. */
    public void startOrStop() {
        FxThread.check("load generator");
        if (run == null) {
            start();
        } else {
            stop();
        }
    }

    /** The report of the last run stopped, once every command in it was answered; null before. FX thread. */
    public LoadReport lastReport() {
        return lastReport;
    }

    /** For tests and the bench: the slider's rate. */
    public void setRate(double commandsPerSecond) {
        rate.setValue(commandsPerSecond);
    }

    private void start() {
        runs++;
        // Ids of their own ("w1a2b-o-17"), apart from the forms' o-1, o-2 …; seeded by the time, so each run differs.
        long seed = System.currentTimeMillis();
        String prefix = "w" + Long.toString(seed % 46_656, 36) + runs + "-";
        run = LoadRun.onItsOwnThread(model.client(), new LoadMix(seed, prefix), rate.getValue(), 0);
        run.start();
        showButton();
    }

    private void stop() {
        LoadRun stopping = run;
        run = null;
        stopping.stop();
        showButton();
        FxThread.whenDone(stopping.finished(), (report, failure) -> {
            if (report != null) {
                lastReport = report;
                figures.setText(figures(report) + " · stopped");
                log.add(new ResultLog.Entry(ResultLog.Outcome.NOTICE, "Load generator", report.line()));
            }
        });
    }

    private void frame() {
        if (run == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - shownAt >= 250_000_000L) {
            shownAt = now;
            figures.setText(figures(run.report()));
        }
    }

    /** "1 204 sent · 199.2/s · 812 ✓ 301 ✗ 91 ⚠". */
    static String figures(LoadReport r) {
        return String.format(Locale.ROOT, "%d sent · %.1f/s · %d ✓  %d ✗  %d ⚠%s", r.sent(), r.achievedPerSecond(),
                r.accepted(), r.rejected(), r.conflicts(), r.late() > 0 ? " · " + r.late() + " late" : "");
    }

    private void showRate() {
        rateValue.setText(Math.round(rate.getValue()) + "/s");
    }

    private void showButton() {
        boolean running = run != null;
        startStop.setText(running ? "Stop" : "Start");
        startStop.setGraphic(new FontIcon(running ? MaterialDesignS.STOP : MaterialDesignP.PLAY));
        startStop.setTooltip(new Tooltip(running ? "Stop sending; the report goes to Results"
                : "Send commands at this rate until stopped"));
    }

    /** Stops a run still going (the window closes or opens another folder). */
    public void dispose() {
        unsubscribe.run();
        if (run != null) {
            run.stop();
            run = null;
        }
    }
}
