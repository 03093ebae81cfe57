package io.cqrsflow.ui;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The colour variables in the stylesheet and the colours canvases draw with are the same. */
class PaletteTest {

    @Test
    void stylesheet_variables_match_the_palette() throws Exception {
        String css = stylesheet();
        for (Map.Entry<String, String> e : Palette.EVENTS.entrySet()) {
            String name = e.getKey().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            assertThat(css).contains("-cf-" + name + ": " + e.getValue() + ";");
        }
    }

    @Test
    void a_projector_colour_the_stylesheet_names_is_its_read_models_colour() throws Exception {
        // a read model brings its own colour; the stylesheet need not name it, but where it does, it agrees
        Map<String, String> named = new LinkedHashMap<>();
        Matcher m = Pattern.compile("-cf-([a-z-]+): (#[0-9a-fA-F]{6});").matcher(stylesheet());
        while (m.find()) {
            if (Palette.PROJECTORS.containsKey(m.group(1))) {
                named.put(m.group(1), m.group(2));
            }
        }
        assertThat(named).as("projector colours the stylesheet names").isNotEmpty();
        named.forEach((projector, hex) -> assertThat(Palette.projectorHex(projector)).as(projector).isEqualTo(hex));
    }

    @Test
    void every_read_model_has_a_colour_of_its_own_that_no_event_token_has() {
        assertThat(Palette.PROJECTORS.values()).doesNotHaveDuplicates().allMatch(hex -> hex.matches("#[0-9a-f]{6}"))
                .doesNotContainAnyElementsOf(Palette.EVENTS.values());
    }

    private static String stylesheet() throws Exception {
        try (InputStream in = MainView.class.getResourceAsStream("/io/cqrsflow/ui/cqrsflow.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
