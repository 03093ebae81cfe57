package io.cqrsflow.ui;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The palettes stay apart for people with colour-vision deficiencies. Each colour is passed through the
 * Machado, Oliveira &amp; Fernandes (2009) simulation at full severity — protanopia, deuteranopia,
 * tritanopia — in linear sRGB, converted to CIELAB (D65), and every pair of the palette must then differ by
 * at least {@value #MIN_DELTA_E} CIEDE2000 units (about five just-noticeable differences; 2.3 is one).
 * With no deficiency too. Every colour is also paired with words on screen (lane and panel titles, the
 * legend, the event type in the table), so colour is never the only cue.
 */
class ColourVisionTest {
    static final double MIN_DELTA_E = 10;

    private static final Map<String, double[][]> MACHADO_2009 = Map.of(
            "no deficiency", new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            "protanopia", new double[][]{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
                    {-0.003882, -0.048116, 1.051998}},
            "deuteranopia", new double[][]{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                    {-0.011820, 0.042940, 0.968881}},
            "tritanopia", new double[][]{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
                    {0.004733, 0.691367, 0.303900}});

    @Test
    void event_types_stay_apart_under_every_simulated_deficiency() {
        assertApart(Palette.EVENTS);
    }

    @Test
    void projectors_stay_apart_under_every_simulated_deficiency() {
        assertApart(Palette.PROJECTORS);
    }

    @Test
    void the_check_fails_on_a_red_green_pair() {
        // a red and a green a person with deuteranopia cannot tell apart, though everyone else can
        List<String> failures = closePairs(Map.of("red", "#e03131", "green", "#2f9e44"));
        assertThat(failures).anySatisfy(f -> assertThat(f).startsWith("deuteranopia"));
        assertThat(failures).noneSatisfy(f -> assertThat(f).startsWith("no deficiency"));
    }

    private static void assertApart(Map<String, String> palette) {
        assertThat(closePairs(palette)).as("pairs closer than ΔE00 %s", MIN_DELTA_E).isEmpty();
    }

    static List<String> closePairs(Map<String, String> palette) {
        List<String> close = new ArrayList<>();
        List<Map.Entry<String, String>> colours = new ArrayList<>(palette.entrySet());
        for (Map.Entry<String, double[][]> vision : MACHADO_2009.entrySet()) {
            for (int i = 0; i < colours.size(); i++) {
                for (int j = i + 1; j < colours.size(); j++) {
                    double d = deltaE2000(lab(colours.get(i).getValue(), vision.getValue()),
                            lab(colours.get(j).getValue(), vision.getValue()));
                    if (d < MIN_DELTA_E) {
                        close.add(String.format("%s: %s and %s differ by ΔE00 %.1f", vision.getKey(),
                                colours.get(i).getKey(), colours.get(j).getKey(), d));
                    }
                }
            }
        }
        return close;
    }

    /** Simulated through {@code m} in linear RGB, then CIELAB under D65. */
    static double[] lab(String hex, double[][] m) {
        Color c = Color.web(hex);
        double[] rgb = {lin(c.getRed()), lin(c.getGreen()), lin(c.getBlue())};
        double[] s = new double[3];
        for (int i = 0; i < 3; i++) {
            s[i] = Math.min(1, Math.max(0, m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]));
        }
        double x = (0.4124564 * s[0] + 0.3575761 * s[1] + 0.1804375 * s[2]) / 0.95047;
        double y = 0.2126729 * s[0] + 0.7151522 * s[1] + 0.0721750 * s[2];
        double z = (0.0193339 * s[0] + 0.1191920 * s[1] + 0.9503041 * s[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[]{116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double lin(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIEDE2000 (Sharma, Wu &amp; Dalal 2005). */
    static double deltaE2000(double[] p, double[] q) {
        double c1 = Math.hypot(p[1], p[2]);
        double c2 = Math.hypot(q[1], q[2]);
        double cb7 = Math.pow((c1 + c2) / 2, 7);
        double g = 0.5 * (1 - Math.sqrt(cb7 / (cb7 + Math.pow(25, 7))));
        double a1 = (1 + g) * p[1];
        double a2 = (1 + g) * q[1];
        double c1p = Math.hypot(a1, p[2]);
        double c2p = Math.hypot(a2, q[2]);
        double h1 = hue(p[2], a1);
        double h2 = hue(q[2], a2);
        double dL = q[0] - p[0];
        double dC = c2p - c1p;
        double dh = 0;
        if (c1p * c2p != 0) {
            dh = h2 - h1;
            if (dh > 180) {
                dh -= 360;
            } else if (dh < -180) {
                dh += 360;
            }
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lb = (p[0] + q[0]) / 2;
        double cbp = (c1p + c2p) / 2;
        double hb;
        if (c1p * c2p == 0) {
            hb = h1 + h2;
        } else if (Math.abs(h1 - h2) <= 180) {
            hb = (h1 + h2) / 2;
        } else {
            hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        }
        double t = 1 - 0.17 * cos(hb - 30) + 0.24 * cos(2 * hb) + 0.32 * cos(3 * hb + 6) - 0.20 * cos(4 * hb - 63);
        double dTheta = 30 * Math.exp(-Math.pow((hb - 275) / 25, 2));
        double cbp7 = Math.pow(cbp, 7);
        double rc = 2 * Math.sqrt(cbp7 / (cbp7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lb - 50, 2) / Math.sqrt(20 + Math.pow(lb - 50, 2));
        double sc = 1 + 0.045 * cbp;
        double sh = 1 + 0.015 * cbp * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dL / sl, 2) + Math.pow(dC / sc, 2) + Math.pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }

    private static double hue(double b, double a) {
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    private static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    @Test
    void ciede2000_matches_sharmas_published_test_pair() {
        // pair 1 of Sharma, Wu & Dalal's table: ΔE00 = 2.0425
        assertThat(deltaE2000(new double[]{50, 2.6772, -79.7751}, new double[]{50, 0, -82.7485}))
                .isCloseTo(2.0425, org.assertj.core.data.Offset.offset(0.0001));
    }
}
