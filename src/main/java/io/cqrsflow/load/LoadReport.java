package io.cqrsflow.load;

import java.util.Locale;

/**
 * What a load run did, honestly: the rate asked for, the commands sent and answered, the rate achieved
 * (answered commands over the run's time), and how each came out.
 *
 * @param late commands that were due but not sent because the engine still had {@link LoadRun#MAX_IN_FLIGHT}
 *             unanswered: the engine, not the generator, set the pace then
 */
public record LoadReport(double commandsPerSecond, long sent, long answered, long accepted, long rejected,
                         long conflicts, long failed, long late, long elapsedMs) {

    /** Answered commands per second of the run. */
    public double achievedPerSecond() {
        return elapsedMs <= 0 ? 0 : answered * 1000.0 / elapsedMs;
    }

    /** "5 998 commands in 30.0 s: 199.9/s of 200/s asked · 4 310 accepted, 1 102 rejected, 586 conflicts". */
    public String line() {
        String s = String.format(Locale.ROOT, "%d commands in %.1f s: %.1f/s of %s/s asked · %d accepted, %d rejected,"
                        + " %d conflicts", answered, elapsedMs / 1000.0, achievedPerSecond(), rate(commandsPerSecond),
                accepted, rejected, conflicts);
        if (failed > 0) {
            s += ", " + failed + " not stored";
        }
        if (late > 0) {
            s += "; " + late + " sent late (the engine was the limit)";
        }
        return s;
    }

    private static String rate(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
