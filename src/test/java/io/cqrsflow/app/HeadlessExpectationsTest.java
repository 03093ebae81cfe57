package io.cqrsflow.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless, a lesson whose claim is false fails: exit 1 and one line naming the step, the claim and what was there. */
class HeadlessExpectationsTest {
    @TempDir
    Path dir;

    @Test
    void aFalseExpectationExitsOneWithOneLineNamingTheStepTheClaimAndWhatWasFound() throws IOException {
        // given a lesson that claims the list has o-1 pending the moment it was placed, with the list 3 s behind
        Path lesson = Files.writeString(dir.resolve("lesson.json"), """
                { "name": "A claim too early", "projectors": { "order-list": { "delayMs": 3000 } }, "steps": [
                  { "atMs": 0, "command": { "type": "RegisterCustomer", "customerId": "c-1", "name": "Ada" } },
                  { "atMs": 0, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                                            "items": [ { "sku": "B", "quantity": 1, "unitPrice": "1.00" } ] } },
                  { "atMs": 0, "expect": { "readModel": "order-list", "row": "o-1", "field": "status", "is": "pending" } } ] }
                """);

        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--scenario", lesson.toString());

        // then
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("step 3    expect failed: expected order-list o-1 status is \"pending\", found no row o-1");
        assertThat(r.err().strip()).doesNotContain("\n")
                .contains("step 3 (expect): expected order-list o-1 status is \"pending\", found no row o-1");
    }

    @Test
    void aQuestionPrintsTheAnswerAndWhetherTheLiveStateAgreed() throws IOException {
        // given
        Path lesson = Files.writeString(dir.resolve("lesson.json"), """
                { "name": "Predict", "steps": [
                  { "atMs": 0, "command": { "type": "PayOrder", "orderId": "o-404" } },
                  { "atMs": 0, "question": { "ask": "What happened to the payment?", "why": "Nobody placed o-404.",
                    "choices": [ { "answer": "rejected", "right": true, "expect": { "lastCommand": "rejected" } },
                                 { "answer": "accepted", "expect": { "lastCommand": "accepted" } } ] } } ] }
                """);

        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--scenario", lesson.toString());

        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("question  \"What happened to the payment?\"")
                .contains("answer: rejected — Nobody placed o-404.").contains("live state agrees ✓");
    }
}
