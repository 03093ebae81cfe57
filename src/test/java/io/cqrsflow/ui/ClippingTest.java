package io.cqrsflow.ui;

import io.cqrsflow.scenario.ScenarioLibrary;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No text is cut off at the classroom's screen sizes, in normal and presenter mode, light and dark, with
 * a lesson mid-play (a projection added at runtime, one rebuilt). Each picture is written to
 * target/clipping/ for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ClippingTest {
    static final int[][] SIZES = {{1280, 800}, {1366, 768}, {1440, 900}, {1920, 1080}};
    private static final String LESSON = "A new projection from old events";

    @TempDir
    Path dir;

    private UiFixture ui;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void no_text_is_cut_off_at_any_size_mode_or_theme() throws Exception {
        ScenarioPlayerControls lesson = fx(() -> {
            ScenarioPlayerControls c = new ScenarioPlayerControls(ui.engine.client(), new ScenarioLibrary(), null,
                    ui.view.lessonBar()::show);
            ui.view.toolbar().setScenarioControls(c);
            c.setSpeed(4);
            ui.view.toolbar().selectScenario(LESSON);
            c.play(LESSON);
            return c;
        });
        // mid-play: the projection added at runtime has its lane and panel
        waitUntil(30, () -> ui.view.flow().lanes().size() == 3 && ui.view.readModels().panel("sales-by-customer") != null);
        fx(() -> {
            lesson.pause();
            return null;
        });
        Path out = Files.createDirectories(Path.of("target", "clipping"));
        List<String> clipped = new ArrayList<>();
        // One window throughout: Monocle's headless screen is 1280 x 800, so the view is laid out at each size
        // inside it (unmanaged, resized by hand) and each picture is a snapshot of the view itself.
        Pane holder = fx(() -> {
            Pane h = new Pane();
            ui.scene.setRoot(h);
            h.getChildren().add(ui.view);
            ui.view.setManaged(false);
            return h;
        });
        for (int[] size : SIZES) {
            for (boolean presenter : new boolean[]{false, true}) {
                for (boolean dark : new boolean[]{false, true}) {
                    String name = size[0] + "x" + size[1] + (presenter ? "-presenter" : "") + (dark ? "-dark" : "");
                    fx(() -> {
                        ui.view.resizeRelocate(0, 0, size[0], size[1]);
                        ui.view.presenterModeProperty().set(presenter);
                        ui.view.darkProperty().set(dark);
                        return null;
                    });
                    WaitForAsyncUtils.waitForFxEvents(4);
                    for (String c : fx(() -> {
                        List<String> found = new ArrayList<>(ClippedText.in(ui.view));
                        found.addAll(ClippedText.tablesShowingFewerThan(5, ui.view));
                        return found;
                    })) {
                        clipped.add(name + ": " + c);
                    }
                    Snapshots.writePng(ui.view, out.resolve(name + ".png"));
                    if (presenter) {
                        // the F1 help fits too: its cards reflow, and it scrolls rather than runs off the screen
                        for (String c : fx(() -> {
                            ui.view.help().show();
                            List<String> found = new ArrayList<>(ClippedText.in(ui.view));
                            found.addAll(ClippedText.overflowing(ui.view.help().lookup(".help-scroll"), ui.view));
                            return found;
                        })) {
                            clipped.add(name + " help: " + c);
                        }
                        Snapshots.writePng(ui.view, out.resolve(name + "-help.png"));
                        fx(() -> {
                            ui.view.help().hide();
                            return null;
                        });
                    }
                }
            }
        }
        fx(() -> {
            lesson.close();
            holder.getChildren().clear();
            ui.view.setManaged(true);
            ui.view.presenterModeProperty().set(false);
            ui.view.darkProperty().set(false);
            ui.scene.setRoot(ui.view);
            return null;
        });
        assertThat(clipped).isEmpty();
    }

    @Test
    void it_fails_on_a_label_too_narrow_for_its_text() {
        // a deliberately narrow label in an otherwise fine window
        Label narrow = fx(() -> {
            Label l = new Label("Sales by customer · 927 001 behind · 334 days");
            l.setId("too-narrow");
            l.setMaxWidth(60);
            Scene scene = new Scene(new HBox(l), 400, 100);
            return l;
        });

        List<String> clipped = fx(() -> ClippedText.in(narrow.getParent()));

        assertThat(clipped).singleElement().asString().contains("#too-narrow").contains("shows \"");
    }
}
