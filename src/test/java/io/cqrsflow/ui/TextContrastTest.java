package io.cqrsflow.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text reads at {@value Contrast#TEXT} : 1 or more (WCAG AA) in both themes. The colours come from the
 * stylesheets themselves — AtlantaFX's Primer light and dark, which our CSS names for every text colour,
 * and the per-projector ink and glow the lanes and panels set — and each pair below is a text colour on
 * the background it is drawn on somewhere in the window.
 */
class TextContrastTest {
    /** Text colour variable → the backgrounds it is drawn on. */
    private static final Map<String, List<String>> THEME_PAIRS = Map.of(
            "-color-fg-default", List.of("-color-bg-default", "-color-bg-subtle", "-color-accent-subtle"),
            "-color-fg-muted", List.of("-color-bg-default", "-color-bg-subtle"),
            "-color-accent-fg", List.of("-color-bg-default", "-color-bg-subtle", "-color-accent-subtle"),
            "-color-success-fg", List.of("-color-bg-default", "-color-bg-subtle"),
            "-color-warning-fg", List.of("-color-bg-default", "-color-bg-subtle"),
            "-color-danger-fg", List.of("-color-bg-default", "-color-bg-subtle"),
            "-color-fg-emphasis", List.of("-color-accent-emphasis"));

    @Test
    void theme_text_reads_in_light_and_dark() {
        List<String> low = new ArrayList<>();
        for (Map.Entry<String, String> theme : Map.of("light", new PrimerLight().getUserAgentStylesheet(),
                "dark", new PrimerDark().getUserAgentStylesheet()).entrySet()) {
            Map<String, Color> colours = colours(theme.getValue());
            THEME_PAIRS.forEach((fg, bgs) -> {
                for (String bg : bgs) {
                    check(low, theme.getKey() + " " + fg + " on " + bg, colours.get(fg), colours.get(bg));
                }
            });
        }
        assertThat(low).isEmpty();
    }

    @Test
    void projector_names_and_headers_read_in_light_and_dark() {
        Map<String, Color> light = colours(new PrimerLight().getUserAgentStylesheet());
        Map<String, Color> dark = colours(new PrimerDark().getUserAgentStylesheet());
        List<String> low = new ArrayList<>();
        for (String projector : Palette.PROJECTORS.keySet()) {
            Map<String, Color> style = laneStyle(Palette.projectorStyle(projector));
            // read-model header and checkpoint tag: white on the ink
            check(low, projector + " white on ink", Color.WHITE, style.get("-lane-ink"));
            // lane title: ink on the light theme's panels, glow on the dark theme's
            check(low, projector + " ink on light", style.get("-lane-ink"), light.get("-color-bg-default"));
            check(low, projector + " ink on light subtle", style.get("-lane-ink"), light.get("-color-bg-subtle"));
            check(low, projector + " glow on dark", style.get("-lane-glow"), dark.get("-color-bg-default"));
            check(low, projector + " glow on dark subtle", style.get("-lane-glow"), dark.get("-color-bg-subtle"));
        }
        assertThat(low).isEmpty();
    }

    /**
     * Presenter mode is high contrast: the text colours cqrsflow.css gives it (muted text included) read at
     * 7 : 1 or more (WCAG AAA) on the backgrounds of either theme.
     */
    @Test
    void presenter_text_reads_at_seven_to_one() {
        String css = read("/io/cqrsflow/ui/cqrsflow.css");
        List<String> low = new ArrayList<>();
        for (Map.Entry<String, String> theme : Map.of(".cqrs-flow.presenter {", new PrimerLight().getUserAgentStylesheet(),
                ".cqrs-flow.presenter.dark {", new PrimerDark().getUserAgentStylesheet()).entrySet()) {
            StringBuilder block = new StringBuilder(); // every block with that selector
            for (int at = css.indexOf(theme.getKey()); at >= 0; at = css.indexOf(theme.getKey(), at + 1)) {
                block.append(css, at, css.indexOf('}', at));
            }
            Map<String, Color> base = colours(theme.getValue());
            for (String fg : List.of("-color-fg-default", "-color-fg-muted")) {
                Matcher m = Pattern.compile(fg + ":\\s*(#[0-9a-fA-F]{6});").matcher(block);
                assertThat(m.find()).as(theme.getKey() + " sets " + fg).isTrue();
                for (String bg : List.of("-color-bg-default", "-color-bg-subtle")) {
                    double r = Contrast.ratio(Color.web(m.group(1)), base.get(bg));
                    if (r < 7) {
                        low.add(String.format("%s %s on %s: %.2f : 1", theme.getKey(), fg, bg, r));
                    }
                }
            }
        }
        assertThat(low).isEmpty();
    }

    @Test
    void the_check_fails_on_a_light_grey() {
        List<String> low = new ArrayList<>();
        check(low, "grey on white", Color.web("#9aa4b2"), Color.WHITE);
        assertThat(low).singleElement().asString().contains("grey on white");
    }

    private static void check(List<String> low, String what, Color fg, Color bg) {
        assertThat(fg).as(what + ": text colour").isNotNull();
        assertThat(bg).as(what + ": background").isNotNull();
        double r = Contrast.ratio(fg, bg);
        if (r < Contrast.TEXT) {
            low.add(String.format("%s: %.2f : 1", what, r));
        }
    }

    private static Map<String, Color> laneStyle(String style) {
        Map<String, Color> out = new HashMap<>();
        Matcher m = Pattern.compile("(-lane-[a-z]+): (#[0-9a-f]{6});").matcher(style);
        while (m.find()) {
            out.put(m.group(1), Color.web(m.group(2)));
        }
        return out;
    }

    /** Every {@code -color-…} the stylesheet defines as #rrggbb or rgba(…) (over its default background). */
    static Map<String, Color> colours(String stylesheetUrl) {
        String css = read(stylesheetUrl.replace(".bss", ".css"));
        Map<String, Color> out = new HashMap<>();
        Matcher m = Pattern.compile("(-color-[a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(css);
        while (m.find()) {
            out.putIfAbsent(m.group(1), Color.web(m.group(2)));
        }
        // translucent ones (the dark theme's -color-accent-subtle) as they look over the default background
        Color under = out.get("-color-bg-default");
        Matcher t = Pattern.compile("(-color-[a-z0-9-]+):\\s*(rgba\\([^)]*\\))\\s*;").matcher(css);
        while (t.find()) {
            Color c = Color.web(t.group(2));
            out.putIfAbsent(t.group(1), under.interpolate(Color.color(c.getRed(), c.getGreen(), c.getBlue()), c.getOpacity()));
        }
        return out;
    }

    private static String read(String url) {
        String path = url.startsWith("/") ? url : "/" + url;
        try (InputStream in = TextContrastTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
