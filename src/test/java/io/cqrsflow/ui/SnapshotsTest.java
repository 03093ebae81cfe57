package io.cqrsflow.ui;

import io.cqrsflow.read.ProjectionNames;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window renders to a PNG of its full size, headless, showing what the window shows: the toolbar's
 * colour where the toolbar is, in either theme, and the same pixels a JavaFX snapshot has. (The README
 * screenshots are made by {@code tools/screenshots.sh}, not by a test.)
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotsTest {
    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of(ProjectionNames.ORDER_LIST, 6_000L));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void writes_a_png_of_the_full_window_showing_the_toolbar_in_either_theme() throws Exception {
        // given the window in the light theme, and a place inside the toolbar's left padding (12 px)
        Node toolbar = fx(() -> ui.view.lookup(".main-toolbar"));
        Bounds bar = fx(() -> toolbar.localToScene(toolbar.getLayoutBounds()));
        int x = (int) bar.getMinX() + 5;
        int y = (int) bar.getCenterY();
        Color lightBar = fx(() -> backgroundOf(toolbar));

        // when written as a PNG, then again in the dark theme
        Snapshots.Dimension size = Snapshots.writePng(ui.scene, dir.resolve("shots/light.png"));
        fx(() -> {
            ui.view.darkProperty().set(true);
            return null;
        });
        Color darkBar = fx(() -> {
            toolbar.applyCss();
            return backgroundOf(toolbar);
        });
        Snapshots.writePng(ui.scene, dir.resolve("shots/dark.png"));

        // then each PNG is the window's size and has the toolbar's colour of its theme there
        BufferedImage light = ImageIO.read(dir.resolve("shots/light.png").toFile());
        BufferedImage dark = ImageIO.read(dir.resolve("shots/dark.png").toFile());
        assertThat(size).isEqualTo(new Snapshots.Dimension(1280, 800));
        for (BufferedImage image : List.of(light, dark)) {
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(image.getHeight()).isEqualTo(800);
        }
        assertThat(darkBar).as("the themes differ where we look").isNotEqualTo(lightBar);
        assertThat(colourAt(light, x, y)).as("light toolbar at (%d, %d)", x, y).isEqualTo(opaque(lightBar));
        assertThat(colourAt(dark, x, y)).as("dark toolbar at (%d, %d)", x, y).isEqualTo(opaque(darkBar));
    }

    @Test
    void the_png_has_the_pixels_javafx_rendered_colour_for_colour() throws Exception {
        // given what JavaFX renders for the window
        WritableImage rendered = fx(() -> ui.scene.snapshot(null));

        // when written as a PNG
        Snapshots.writePng(ui.scene, dir.resolve("window.png"));

        // then nearly every pixel is the same (a swapped channel or a flipped row would change most of them;
        // a clock-driven label or the lag chart may change a few between the two renders)
        BufferedImage png = ImageIO.read(dir.resolve("window.png").toFile());
        PixelReader pixels = rendered.getPixelReader();
        int same = 0;
        int total = png.getWidth() * png.getHeight();
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if (png.getRGB(x, y) == pixels.getArgb(x, y)) {
                    same++;
                }
            }
        }
        assertThat(same).as("pixels equal to JavaFX's render, of %d", total).isGreaterThan(total * 99 / 100);
    }

    private static Color backgroundOf(Node node) {
        List<javafx.scene.layout.BackgroundFill> fills = ((Region) node).getBackground().getFills();
        Paint paint = fills.get(fills.size() - 1).getFill();
        return (Color) paint;
    }

    private static Color colourAt(BufferedImage image, int x, int y) {
        int argb = image.getRGB(x, y);
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    /** The colour as 8-bit channels, as a PNG stores it. */
    private static Color opaque(Color c) {
        return Color.rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
