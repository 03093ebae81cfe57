package io.cqrsflow.ui;

import io.cqrsflow.domain.Command;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A real engine on a temporary folder, and the whole window for it, for TestFX tests. */
final class UiFixture implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    final Engine engine;
    final MainView view;
    final Scene scene;

    private UiFixture(Engine engine, MainView view, Scene scene) {
        this.engine = engine;
        this.view = view;
        this.scene = scene;
    }

    /** Call from a TestFX {@code @Start} method (the FX thread). */
    static UiFixture start(Stage stage, Path dir, Map<String, Long> delays) {
        Engine engine = Engine.open(dir, Clock.systemUTC(), delays);
        MainView view = new MainView(engine.client());
        Scene scene = new Scene(view, CqrsFlowApp.MIN_WIDTH, CqrsFlowApp.MIN_HEIGHT);
        stage.setScene(scene);
        // TestFX keeps one stage for every test: undo the size, least size or maximising an earlier test set
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.sizeToScene();
        stage.show();
        return new UiFixture(engine, view, scene);
    }

    /** Submits straight to the engine (setting the scene up, not what is under test) and waits for the result. */
    CommandResult submit(Command command) throws Exception {
        return engine.submit(CommandEnvelope.of("test-" + IDS.incrementAndGet(), command)).get(10, TimeUnit.SECONDS);
    }

    /** Five customers with one order each: every read model then holds five rows (and needs room for five). */
    void fiveCustomersWithAnOrderEach() throws Exception {
        for (int i = 1; i <= 5; i++) {
            submit(new io.cqrsflow.domain.RegisterCustomer("c-" + i, "Customer " + i));
            submit(new io.cqrsflow.domain.PlaceOrder("o-" + i, "c-" + i, java.util.List.of(
                    new io.cqrsflow.domain.OrderLine("BOOK-1", 1, new java.math.BigDecimal("12.50")))));
        }
    }

    /** Reads something from the FX thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until a condition, evaluated on the FX thread, holds. */
    static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    @Override
    public void close() {
        fx(() -> {
            view.dispose();
            return null;
        });
        engine.close();
    }
}
