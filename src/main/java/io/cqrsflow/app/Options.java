package io.cqrsflow.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The command line, as picocli parses it. */
@Command(name = "cqrs-flow", mixinStandardHelpOptions = true, version = "CQRS Flow 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Watch CQRS happen: commands become events in a SQLite event store, and projectors with adjustable"
                        + " delays turn them into read models that lag behind, visibly.",
                "",
                "Without options, opens the window. With --headless, runs without one and prints a trace."},
        footer = {"",
                "Exit codes: 0 done; 1 the data folder cannot be used, or a scenario step could not be carried out"
                        + " (the message says why); 2 bad input (options or scenario file).",
                "",
                "Examples:",
                "  java -jar cqrs-flow.jar --headless --fresh --scenario read-your-writes",
                "  java -jar cqrs-flow.jar --headless --data /tmp/lesson --fresh --scenario lesson.json --json",
                "  java -jar cqrs-flow.jar --scenario lesson.json --data /tmp/lesson --fresh --snapshot shot.png"})
final class Options {

    @Option(names = "--headless", description = "Run without a window: play the scenario (if any), wait until every projector has caught up, print a trace, exit.")
    boolean headless;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder holding events.db and read.db (default: the per-user data folder, "
            + "here ${DEFAULT-VALUE}; the window reopens the folder it used last).")
    Path data = io.cqrsflow.flow.DataFolder.defaultLocation();

    /** True when --data was given on the command line (the window then uses it instead of the last folder). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    boolean dataGiven() {
        return spec != null && spec.commandLine() != null
                && spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption("--data");
    }

    @Option(names = "--scenario", paramLabel = "FILE|NAME", description = "A scenario file, or the name of a built-in scenario (see --list-scenarios).")
    String scenario;

    @Option(names = "--json", description = "With --headless: print the trace as one JSON object per line.")
    boolean json;

    @Option(names = "--trace", paramLabel = "auto|events|progress", defaultValue = "auto",
            converter = TraceDetailConverter.class,
            description = "With --headless or --rebuild: how applied events are traced. auto: a line per event while"
                    + " projectors apply a few at a time, a progress line a second (n / m, events/s, time left) while"
                    + " they catch up; events: a line per event always (slow on a big store); progress: progress lines only."
                    + " Default: ${DEFAULT-VALUE}.")
    Trace.Detail trace;

    /** Accepts the lower-case words the help shows, and names them when given anything else. */
    static final class TraceDetailConverter implements picocli.CommandLine.ITypeConverter<Trace.Detail> {
        @Override
        public Trace.Detail convert(String value) {
            for (Trace.Detail d : Trace.Detail.values()) {
                if (d.name().equalsIgnoreCase(value)) {
                    return d;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("--trace takes auto, events or progress, not \""
                    + value + "\"");
        }
    }

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1", description = "Play the scenario this many times faster (0.1 to 20); projector delays scale alike. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--rebuild", description = "Rebuild every read model from events.db, wait until done, and exit.")
    boolean rebuild;

    @Option(names = "--fresh", description = "Start with an empty store: move the old events.db and read.db aside into DIR/old-<time>/ (nothing is deleted).")
    boolean fresh;

    @Option(names = "--list-scenarios", description = "List the built-in scenarios and exit.")
    boolean listScenarios;

    @Option(names = "--snapshot", paramLabel = "FILE.png", description = "Play the scenario without a display, then render the whole window to this PNG and exit.")
    Path snapshot;
}
