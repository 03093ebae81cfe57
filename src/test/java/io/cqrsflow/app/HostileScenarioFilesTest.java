package io.cqrsflow.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario files written as an adversary would (issue 11): each is refused through {@code Main.run} with
 * exit 2 and one line naming the file, the step and the field, within a second, and no data folder is
 * created. Also the trace's escaping of control characters, and {@code --rebuild --json}.
 */
@Timeout(60)
class HostileScenarioFilesTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private Path file(String name, String json) {
        try {
            return Files.writeString(dir.resolve(name), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the scenario; asserts exit 2, one line starting with the file, under a second, nothing created. */
    private String refusal(Path scenario) {
        long start = System.nanoTime();
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", data().toString(),
                "--scenario", scenario.toString());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        String line = r.err().strip();
        assertThat(line).doesNotContain("\n").doesNotContain("Exception").doesNotContain("BigInteger")
                .startsWith("cqrs-flow: " + scenario + ": ");
        assertThat(ms).as("milliseconds to refuse " + line).isLessThan(1000);
        assertThat(data()).doesNotExist();
        return line.substring(("cqrs-flow: " + scenario + ": ").length());
    }

    private static String placeOrder(String quantity, String unitPrice) {
        return """
                { "name": "Hostile", "steps": [
                  { "atMs": 0, "command": { "type": "RegisterCustomer", "customerId": "c-1", "name": "Ada" } },
                  { "atMs": 1, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                      "items": [ { "sku": "A", "quantity": %s, "unitPrice": %s } ] } } ] }""".formatted(quantity, unitPrice);
    }

    @Test
    void aPriceBeyondTheLimitIsRefusedBeforeItCanPoisonTheStore() {
        assertThat(refusal(file("e1001.json", placeOrder("1", "1e1001"))))
                .startsWith("step 2: field \"command.items[0].unitPrice\": the number 1e1001 is too large");
        assertThat(refusal(file("digits.json", placeOrder("1", "\"" + "9".repeat(1001) + "\""))))
                .startsWith("step 2: field \"command.items[0].unitPrice\": must be at most 999999999999.99");
        assertThat(refusal(file("tiny.json", placeOrder("1", "\"0.0000000001\""))))
                .isEqualTo("step 2: field \"command.items[0].unitPrice\": must have at most 2 digits after the point"
                        + " (cents), got \"0.0000000001\"");
        assertThat(refusal(file("quantity.json", placeOrder("1000", "\"" + "9".repeat(999) + "\""))))
                .startsWith("step 2: field \"command.items[0].unitPrice\": must be at most");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1e99999999  | atMs
            1e999999999 | atMs
            1e99999999  | quantity
            1e99999999  | delayMs
            1e99999999  | expectedVersion
            1e999999999 | expectedVersion
            """)
    void aTenCharacterNumberIsRefusedAtOnceWherever(String number, String where) {
        String json = switch (where) {
            case "atMs" -> "{ \"name\": \"H\", \"steps\": [ { \"atMs\": " + number + ", \"note\": \"n\" } ] }";
            case "quantity" -> placeOrder(number, "\"1.00\"");
            case "delayMs" -> "{ \"name\": \"H\", \"steps\": [ { \"atMs\": 0, \"setDelay\": { \"projector\": \"order-list\","
                    + " \"delayMs\": " + number + " } } ] }";
            default -> "{ \"name\": \"H\", \"steps\": [ { \"atMs\": 0, \"command\": { \"type\": \"PayOrder\","
                    + " \"orderId\": \"o-1\", \"expectedVersion\": " + number + " } } ] }";
        };
        assertThat(refusal(file("big.json", json))).contains("field \"").contains(where)
                .contains("the number " + number + " is too large");
    }

    @Test
    void aSymlinkToDevZeroIsRefusedWithoutReadingIt() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertThat(refusal(link)).startsWith("cannot read the file: it is not a regular file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aNamedPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path pipe = dir.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(refusal(pipe)).startsWith("cannot read the file: it is not a regular file");
    }

    @Test
    void aFileBeyondWhatHeadlessPlayStreamsIsRefusedByItsSizeWithoutReadingIt() throws IOException {
        Path big = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1024L * 1024 * 1024 + 1); // sparse: nothing is written
        }
        assertThat(refusal(big)).isEqualTo("the file is larger than 1024 MB (1024.0 MB); a scenario may be at most"
                + " 1024 MB — split it into several scenarios");
    }

    @Test
    void moreStepsThanAWindowLessonHoldsAreRefusedThereAndStreamedHeadless() throws IOException {
        StringBuilder json = new StringBuilder("{\"name\":\"Many\",\"steps\":[");
        for (int i = 0; i <= 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"atMs\":0,\"note\":\"\"}");
        }
        Path many = file("many.json", json.append("]}").toString());
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(io.cqrsflow.scenario.ScenarioException.class,
                () -> new io.cqrsflow.scenario.ScenarioParser(java.util.Set.of("order-list")).parse(many)))
                .hasMessage(many + ": step 100001: a scenario has at most 100000 steps; --headless reads up to"
                        + " 10000000 as it plays");

        HeadlessRunnerTest.Result played = HeadlessRunnerTest.run("--headless", "--data", data().toString(),
                "--scenario", many.toString());

        assertThat(played.code()).as(played.err()).isZero();
        assertThat(played.out()).contains("Scenario: Many (100001 steps)");
    }

    @Test
    void aNameWithAControlCharacterIsRefusedAndShownEscaped() {
        String json = "{ \"name\": \"H\", \"steps\": [ { \"atMs\": 0, \"command\": { \"type\": \"RegisterCustomer\","
                + " \"customerId\": \"c-1\", \"name\": \"Ada\\u001b[2J\" } } ] }";
        assertThat(refusal(file("esc.json", json))).isEqualTo("step 1: field \"command.name\": is not printable"
                + " text: it contains the control character \\u001b");
    }

    @Test
    void noMessageNamesTheParsersSwitches() {
        assertThat(refusal(file("nan.json", placeOrder("1", "NaN"))))
                .contains("NaN is not a number JSON knows").doesNotContain("JsonReadFeature").doesNotContain("`");
        assertThat(refusal(file("comment.json", "{ \"name\": \"H\", // a comment\n \"steps\": [] }")))
                .contains("JSON has no comments").doesNotContain("Feature");
        assertThat(refusal(file("plus.json", placeOrder("+1", "\"1\"")))).contains("no plus sign")
                .doesNotContain("JsonReadFeature");
    }

    @Test
    void theTextTracePrintsControlCharactersEscaped() {
        String json = """
                { "name": "Trace\\r", "steps": [
                  { "atMs": 0, "note": "clear \\u001b[2J, carriage\\rreturn, nul\\u0000" },
                  { "atMs": 1, "command": { "type": "RegisterCustomer", "customerId": "c-1", "name": "Ada \\u202eecalevol" } }
                ] }""";
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", data().toString(),
                "--scenario", file("trace.json", json).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\\u001b[2J", "carriage\\u000dreturn", "nul\\u0000", "Ada \\u202eecalevol",
                "Scenario: Trace\\u000d");
        assertThat(r.out().chars()).noneMatch(c -> c == 0x1b || c == '\r' || c == 0 || c == 0x202e);
    }

    @Test
    void rebuildWithJsonAloneIsAccepted() {
        assertThat(HeadlessRunnerTest.run("--headless", "--data", data().toString(), "--scenario", "first-order",
                "--speed", "20").code()).isZero();

        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--data", data().toString(), "--rebuild", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.kind("summary")).hasSize(1);
    }
}
