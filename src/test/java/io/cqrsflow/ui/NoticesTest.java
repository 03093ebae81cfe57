package io.cqrsflow.ui;

import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.ui.command.ResultLog;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** What the engine wants the learner to know shows in the window: in the result log and, for a while, as a toast. */
@ExtendWith(ApplicationExtension.class)
class NoticesTest {
    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        // given a read.db that is not a database at all: the engine moves it aside and rebuilds, and says so
        try {
            Files.writeString(dir.resolve("read.db"), "this is not an SQLite file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void a_notice_from_opening_the_data_folder_is_shown_in_the_log_and_as_a_toast() throws Exception {
        // then the notice that came before the window subscribed is in the log, marked as a notice
        waitUntil(5, () -> notice("read.db") != null);
        assertThat(fx(() -> notice("read.db").detail())).contains("not an SQLite database");
        assertThat(fx(() -> ui.view.noticeToast().getText())).contains("read.db");
        // and it is shown once, not twice
        assertThat(fx(() -> ui.view.commands().log().getItems().stream()
                .filter(e -> e.detail().contains("not an SQLite database")).count())).isEqualTo(1);
    }

    @Test
    void adding_a_projection_says_so_in_the_log_and_in_a_toast(FxRobot robot) throws Exception {
        // when the learner adds the sales projection
        robot.clickOn("#add-projection-sales-by-customer");

        // then the engine's notice is shown
        waitUntil(5, () -> notice("added projection " + ProjectionNames.SALES_BY_CUSTOMER) != null);
        waitUntil(5, () -> ui.view.noticeToast().getText().contains("added projection")
                && ui.view.noticeToast().getOpacity() > 0);
    }

    private ResultLog.Entry notice(String text) {
        return ui.view.commands().log().getItems().stream()
                .filter(e -> e.outcome() == ResultLog.Outcome.NOTICE && e.detail().contains(text))
                .findFirst().orElse(null);
    }
}
