package io.cqrsflow.ui;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.read.ProjectionNames;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;

/**
 * Not a test: the generator behind {@code tools/screenshots.sh}, which writes the README screenshots (light
 * and dark, 1440×900) of a busy moment — orders placed, one projector lagging, stale rows visible — headless.
 * Its name does not end in {@code Test}, so {@code ./mvnw verify} never runs it; the script names it with
 * {@code -Dtest=ReadmeScreenshots} and passes {@code -Dcqrsflow.screenshots=DIR} (and
 * {@code -Dcqrsflow.screenshots.extra=true} for presenter-mode and help shots too).
 */
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {
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
    void write_the_readme_screenshots() throws Exception {
        String target = System.getProperty("cqrsflow.screenshots");
        if (target == null) {
            throw new IllegalArgumentException("say where: -Dcqrsflow.screenshots=DIR (tools/screenshots.sh does)");
        }
        Path out = Path.of(target);
        busyMoment();
        shoot(out.resolve("screenshot-light.png"), false);
        shoot(out.resolve("screenshot-dark.png"), true);
        if (Boolean.getBoolean("cqrsflow.screenshots.extra")) {
            fx(() -> {
                ui.view.presenterModeProperty().set(true);
                return null;
            });
            shoot(out.resolve("presenter.png"), false);
            fx(() -> {
                ui.view.presenterModeProperty().set(false);
                ui.view.help().show();
                return null;
            });
            shoot(out.resolve("help.png"), false);
        }
        System.out.println("ReadmeScreenshots: wrote " + out.toAbsolutePath().resolve("screenshot-light.png")
                + " and screenshot-dark.png");
    }

    private void busyMoment() throws Exception {
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new RegisterCustomer("c-2", "Grace Hopper"));
        fx(() -> {
            ui.engine.projector(ProjectionNames.ORDER_LIST).setDelay(0);
            return null;
        });
        ui.submit(order("o-1", "c-1", "BOOK-1", 2, "12.50"));
        ui.submit(order("o-2", "c-2", "MUG-7", 1, "8.00"));
        ui.submit(order("o-3", "c-1", "LAMP-2", 1, "39.90"));
        ui.submit(new PayOrder("o-1"));
        ui.submit(new ShipOrder("o-1"));
        waitUntil(10, () -> ui.view.model().statuses().get(ProjectionNames.ORDER_LIST).eventsBehind() == 0);
        fx(() -> {
            ui.engine.projector(ProjectionNames.ORDER_LIST).setDelay(6_000);
            return null;
        });
        Thread.sleep(300);
        ui.submit(new CancelOrder("o-2", "changed mind"));
        ui.submit(new PayOrder("o-3"));
        ui.submit(order("o-4", "c-2", "TEA-9", 3, "4.75"));
        ui.submit(new PayOrder("o-99"));
        fx(() -> {
            ui.view.flow().addSalesProjection();
            return null;
        });
        Thread.sleep(1_800);
        fx(() -> ui.view.settle()).get(10, TimeUnit.SECONDS);
    }

    /**
     * Monocle's headless screen is 1280×800, so the larger README shot renders the view in a scene of
     * its own, not attached to the window.
     */
    private void shoot(Path file, boolean dark) throws Exception {
        javafx.scene.Scene big = fx(() -> {
            ui.view.darkProperty().set(dark);
            if (ui.view.getScene() != null && ui.view.getScene().getWidth() == 1440) {
                return ui.view.getScene();
            }
            ui.scene.setRoot(new javafx.scene.layout.Pane());
            return new javafx.scene.Scene(ui.view, 1440, 900);
        });
        Thread.sleep(600);
        Snapshots.writePng(big, file);
    }

    private static PlaceOrder order(String id, String customer, String sku, int quantity, String price) {
        return new PlaceOrder(id, customer, List.of(new OrderLine(sku, quantity, new BigDecimal(price))));
    }
}
