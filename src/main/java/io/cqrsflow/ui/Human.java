package io.cqrsflow.ui;

import java.util.Locale;

/**
 * Figures as a person reads them aloud: "0.8 s", "2 min 10 s", "334 days"; "927 001" with a space
 * between thousands (a no-break space, so a figure never wraps in the middle).
 */
public final class Human {
    /** Between groups of thousands: a no-break space, as SI writes them. */
    public static final char THOUSANDS = '\u00a0';

    private Human() {
    }

    /** 927001 → "927 001"; negative numbers keep their sign. */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(THOUSANDS).append(digits, i, i + 3);
        }
        return (n < 0 ? "-" : "") + out;
    }

    /** "0.8 s" under a minute, "2 min 10 s" under an hour, "3 h 5 min" under a day, then "334 days". */
    public static String duration(long ms) {
        long t = Math.max(0, ms);
        if (t < 59_950) {
            return String.format(Locale.ROOT, "%.1f s", t / 1000.0);
        }
        long s = (t + 500) / 1000;
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        long days = s / 86_400;
        return count(days) + (days == 1 ? " day" : " days");
    }

    /** "1 event", "927 001 events". */
    public static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
