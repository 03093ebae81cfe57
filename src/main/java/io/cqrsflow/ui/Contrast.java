package io.cqrsflow.ui;

import javafx.scene.paint.Color;

import java.util.Locale;

/** WCAG 2 contrast: relative luminance, the ratio between two colours, and text-safe shades of a colour. */
public final class Contrast {
    /** The least contrast body text gets (WCAG AA). */
    public static final double TEXT = 4.5;
    /** The darkest background in the dark theme that a glow is measured against (AtlantaFX Primer dark). */
    static final Color DARK_BG = Color.web("#0d1117");

    private Contrast() {
    }

    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * The colour, darkened just enough that white text on it (and it as text on white, or on the light
     * theme's grey panels) reads at 4.5 : 1.
     */
    public static Color ink(Color c) {
        Color x = c;
        while (ratio(x, Color.WHITE) < TEXT + 0.5) {
            x = x.deriveColor(0, 1, 0.95, 1);
        }
        return x;
    }

    /** The colour, lightened just enough to read as text on the dark theme's backgrounds. */
    public static Color glow(Color c) {
        Color x = c;
        while (ratio(x, DARK_BG) < TEXT + 0.8) {
            x = x.interpolate(Color.WHITE, 0.06);
        }
        return x;
    }

    public static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
