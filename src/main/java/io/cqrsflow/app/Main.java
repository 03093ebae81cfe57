package io.cqrsflow.app;

import io.cqrsflow.eventstore.EventStoreException;
import io.cqrsflow.flow.DataFolder;
import io.cqrsflow.read.ReadModels;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioException;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.scenario.ScenarioParser;
import io.cqrsflow.scenario.ScenarioScript;
import io.cqrsflow.ui.CqrsFlowApp;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * Entry point of the runnable jar and of {@code javafx:run}. It does not extend Application, so the jar
 * starts on a plain JVM with JavaFX on the class path.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK || !opensWindow(args)) {
            System.exit(code);
        }
    }

    private static boolean opensWindow(String[] args) {
        Options o = new Options();
        try {
            new CommandLine(o).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return false;
        }
        return !o.headless && !o.listScenarios && !o.rebuild && o.snapshot == null
                && !List.of(args).contains("--help") && !List.of(args).contains("-h")
                && !List.of(args).contains("--version") && !List.of(args).contains("-V");
    }

    /** Runs the command line; returns the exit code. Prints one clear line for every user error. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = new Options();
        CommandLine cli = new CommandLine(o);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("cqrs-flow: " + e.getMessage() + " (see --help)");
            return BAD_INPUT;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return OK;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return OK;
        }
        try {
            return dispatch(o, out, err);
        } catch (UserError | ScenarioException e) {
            err.println("cqrs-flow: " + e.getMessage());
            return BAD_INPUT;
        } catch (EventStoreException e) {
            err.println("cqrs-flow: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cqrs-flow: interrupted");
            return FAILED;
        } catch (Exception e) {
            err.println("cqrs-flow: " + describe(e));
            return FAILED;
        }
    }

    /** An unexpected failure in one line: its message and, if different, the root cause's. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.toString() : e.getMessage();
        if (root == e) {
            return top;
        }
        String cause = root.getMessage() == null ? root.toString() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return top.contains(cause) ? top : top + " (cause: " + cause + ")";
    }

    private static int dispatch(Options o, PrintStream out, PrintStream err) throws Exception {
        ScenarioLibrary library = new ScenarioLibrary();
        if (o.listScenarios) {
            for (ScenarioLibrary.Entry e : library.list()) {
                out.printf("%-30s %s%n    %s%n", e.id(), e.name(), e.description());
            }
            return OK;
        }
        if (!(o.speed >= 0.1 && o.speed <= 20)) {
            throw new UserError("--speed must be between 0.1 and 20, got " + o.speed);
        }
        if (o.json && !o.headless && !o.rebuild) {
            throw new UserError("--json goes with --headless or --rebuild");
        }
        if (o.snapshot != null && o.snapshot.getFileName() != null
                && !o.snapshot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UserError("--snapshot needs a file name ending in .png, got " + o.snapshot);
        }
        // Validate the whole scenario before anything touches the data folder. Headless play streams a
        // file (checked whole first, then read again as it plays); the window and --snapshot read it whole.
        boolean window = !o.headless && !o.rebuild && o.snapshot == null;
        boolean streamed = o.snapshot == null && !window;
        ScenarioParser parser = new ScenarioParser(new HashSet<>(ReadModels.names()));
        ScenarioScript script = o.scenario == null ? null : streamed
                ? library.resolveForStreaming(o.scenario, parser) : library.resolve(o.scenario, parser);
        // The window reopens the folder it used last unless --data names one.
        Path data = (window && !o.dataGiven() ? CqrsFlowApp.rememberedDataDir() : o.data).toAbsolutePath();
        if (o.fresh) {
            for (Path moved : DataFolder.moveAside(data, Instant.now())) {
                // With --json, stdout carries only JSON lines.
                (o.json ? err : out).println("moved aside: " + moved);
            }
        }
        if (o.snapshot != null) {
            return Snapshot.run(data, (Scenario) script, o.speed, o.snapshot, out);
        }
        if (o.headless || o.rebuild) {
            new HeadlessRunner(out, o.trace).run(data, script, o.speed, o.json, o.rebuild);
            return OK;
        }
        return Window.launch(data, (Scenario) script, o.speed);
    }
}
