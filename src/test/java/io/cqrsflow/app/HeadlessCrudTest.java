package io.cqrsflow.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless, a lesson that lists the "crud" panel runs the CRUD table beside CQRS and checks claims about it. */
class HeadlessCrudTest {
    @TempDir
    Path dir;

    @Test
    void theCrudLessonPlaysHeadlessWithItsCrudLinesAndCrudDbBesideTheOthers() {
        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--scenario", "crud-vs-cqrs", "--speed", "4");

        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("crud      PayOrder → updated: orders row o-1 status pending overwritten with paid")
                .contains("expect    step 22: events.db stream order-o-1 is \"OrderPlaced, OrderPaid, OrderCancelled\" ✓")
                .doesNotContain("failed");
        assertThat(dir.resolve("data").resolve("crud.db")).exists();
    }

    @Test
    void aFalseClaimAboutTheCrudTableFailsNamingWhatItHolds() throws IOException {
        // given a lesson that claims the CRUD row still remembers "paid" after the cancel
        Path lesson = Files.writeString(dir.resolve("lesson.json"), """
                { "name": "CRUD remembers?", "panels": ["crud"], "steps": [
                  { "atMs": 0, "command": { "type": "RegisterCustomer", "customerId": "c-1", "name": "Ada" } },
                  { "atMs": 0, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                                            "items": [ { "sku": "B", "quantity": 1, "unitPrice": "1.00" } ] } },
                  { "atMs": 0, "command": { "type": "PayOrder", "orderId": "o-1" } },
                  { "atMs": 0, "command": { "type": "CancelOrder", "orderId": "o-1", "reason": "no" } },
                  { "atMs": 0, "expect": { "crud": "o-1", "field": "status", "is": "paid" } } ] }
                """);

        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--scenario", lesson.toString());

        // then
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n")
                .contains("step 5 (expect): expected crud o-1 status is \"paid\", found \"cancelled\"");
    }

    @Test
    void aClaimAboutTheCrudTableWithoutThePanelSaysCrudIsOff() throws IOException {
        // given a lesson that asks the CRUD table but does not list the "crud" panel
        Path lesson = Files.writeString(dir.resolve("lesson.json"), """
                { "name": "Forgot the panel", "steps": [
                  { "atMs": 0, "expect": { "crud": "o-1", "absent": true } } ] }
                """);

        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--scenario", lesson.toString());

        // then
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("step 1 (expect): expected crud has no row o-1, found the CRUD model is off");
        assertThat(dir.resolve("data").resolve("crud.db")).doesNotExist();
    }
}
