package io.cqrsflow.ui;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The colour variables in the stylesheet and the colours canvases draw with are the same. */
class PaletteTest {

    @Test
    void stylesheet_variables_match_the_palette() throws Exception {
        String css;
        try (InputStream in = MainView.class.getResourceAsStream("/io/cqrsflow/ui/cqrsflow.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> p : Palette.PROJECTORS.entrySet()) {
            assertThat(css).contains("-cf-" + p.getKey() + ": " + p.getValue() + ";");
        }
        for (Map.Entry<String, String> e : Palette.EVENTS.entrySet()) {
            String name = e.getKey().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            assertThat(css).contains("-cf-" + name + ": " + e.getValue() + ";");
        }
    }
}
