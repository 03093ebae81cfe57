package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A scenario file checked for headless play in one streaming pass and read again as it plays
 * ({@link ScenarioParser#stream}): files beyond the window's 100 000 steps are accepted, a mistake deep in
 * one is named by its step and line, steps come out as the whole-file parser gives them, and a file that
 * changes after its check is refused before anything of it plays.
 */
class StreamedScenarioTest {
    private final ScenarioParser parser = new ScenarioParser(Set.of("order-list", "order-detail"));

    @TempDir
    Path dir;

    /** One step a line after the opening line, so step n is on line n + 1. */
    static Path write(Path file, int steps, IntFunction<String> step) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{ \"name\": \"Big\", \"steps\": [\n");
            for (int i = 1; i <= steps; i++) {
                w.write(step.apply(i) + (i < steps ? ",\n" : "\n"));
            }
            w.write("] }\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rejectedPayment(int i) {
        return "{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-" + i + "\" } }";
    }

    private List<ScenarioStep> all(ScenarioScript script) {
        List<ScenarioStep> steps = new ArrayList<>();
        try (StepCursor cursor = script.cursor()) {
            for (ScenarioStep s = cursor.take(); s != null; s = cursor.take()) {
                steps.add(s);
            }
        }
        return steps;
    }

    @Test
    void aFileBeyondTheWindowsLimitIsCheckedAndReadBackStepByStep() {
        Path big = write(dir.resolve("big.json"), 150_000, StreamedScenarioTest::rejectedPayment);

        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.parse(big)))
                .hasMessageContaining("the file is larger than 5 MB");
        ScenarioScript script = parser.stream(big);

        assertThat(script).isInstanceOf(StreamedScenario.class);
        assertThat(script.name()).isEqualTo("Big");
        assertThat(script.stepCount()).isEqualTo(150_000);
        try (StepCursor cursor = script.cursor()) {
            int n = 0;
            for (ScenarioStep s = cursor.take(); s != null; s = cursor.take()) {
                n++;
                assertThat(s.number()).isEqualTo(n);
                if (n == 149_999) {
                    assertThat(((CommandStep) s).command()).hasToString(((CommandStep) parser.parse("x",
                            "{ \"name\": \"x\", \"steps\": [ " + rejectedPayment(149_999) + " ] }").steps().get(0))
                            .command().toString());
                }
            }
            assertThat(n).isEqualTo(150_000);
        }
    }

    @Test
    void aMistakeDeepInABigFileIsNamedByItsStepAndLine() {
        Path unknown = write(dir.resolve("unknown.json"), 150_000, i -> i == 123_456
                ? "{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderID\": \"o-1\" } }" : rejectedPayment(i));
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.stream(unknown)))
                .hasMessageStartingWith(unknown + ": step 123456: field \"command.orderID\": unknown field");

        Path malformed = write(dir.resolve("malformed.json"), 150_000, i -> i == 140_000
                ? "{ \"atMs\": 0, \"note\": \"no end }" : rejectedPayment(i));
        ScenarioException m = catchThrowableOfType(ScenarioException.class, () -> parser.stream(malformed));
        assertThat(m.getMessage()).startsWith(malformed + ": line 140001, column ").contains("malformed JSON");

        Path tooBig = write(dir.resolve("values.json"), 120_000, i -> i == 110_000
                ? "{ \"atMs\": 0, \"note\": \"" + "n".repeat(10_001) + "\" }" : rejectedPayment(i));
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.stream(tooBig)))
                .hasMessage(tooBig + ": step 110000: field \"note\": a string of 10001 characters; at most 10000 are allowed");
    }

    @Test
    void malformedJsonAfterAStepInErrorIsSaidFirstAsWhenTheFileIsReadWhole() throws IOException {
        String json = "{ \"name\": \"L\", \"steps\": [ { \"atMs\": 0, \"nope\": 1 }, { \"atMs\": 1, \"note\": \"n\" } ],"
                + " \"description\": \"" + "d".repeat(10_001) + "\" }";
        Path file = Files.writeString(dir.resolve("order.json"), json);
        String whole = catchThrowableOfType(ScenarioException.class, () -> parser.parse(file)).getMessage();
        assertThat(whole).isEqualTo(file + ": field \"description\": a string of 10001 characters; at most 10000 are allowed");
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.stream(file))).hasMessage(whole);
    }

    @Test
    void aSmallFileOutOfTimeOrderIsReadWholeAndSortedABigOneIsRefused() throws IOException {
        Path small = Files.writeString(dir.resolve("small.json"), "{ \"name\": \"S\", \"steps\": ["
                + " { \"atMs\": 50, \"note\": \"second\" }, { \"atMs\": 10, \"note\": \"first\" } ] }");
        ScenarioScript sorted = parser.stream(small);
        assertThat(sorted).isInstanceOf(Scenario.class);
        assertThat(all(sorted)).extracting(ScenarioStep::number).containsExactly(2, 1);

        Path big = write(dir.resolve("unsorted.json"), 100_001, i -> "{ \"atMs\": " + (i == 100_001 ? 5 : 10)
                + ", \"note\": \"n\" }");
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.stream(big)))
                .hasMessage(big + ": step 100001: field \"atMs\": is 5, earlier than the step before it (10); a scenario"
                        + " of more than 100000 steps or 5 MB is played as it is read, so its steps must be in time order");
    }

    @Test
    void stepsComeOutAsTheWholeFileParserGivesThem() throws IOException {
        ScenarioLibrary library = new ScenarioLibrary();
        ScenarioParser builtIn = new ScenarioParser(ScenarioLibrary.BUILT_IN_PROJECTORS);
        for (String id : library.ids()) {
            Scenario whole = library.load(id);
            String text = new String(ScenarioLibrary.class.getResourceAsStream("/scenarios/" + id + ".json").readAllBytes(),
                    StandardCharsets.UTF_8);
            Path file = Files.writeString(dir.resolve(id + ".json"), text);
            ScenarioScript streamed = builtIn.stream(file);
            assertThat(streamed.stepCount()).as(id).isEqualTo(whole.steps().size());
            assertThat(streamed.projectorDelays()).as(id).isEqualTo(whole.projectorDelays());
            assertThat(streamed.panels()).as(id).isEqualTo(whole.panels());
            assertThat(all(streamed)).as(id).isEqualTo(whole.steps());
        }
    }

    @Test
    void aFileChangedAfterItsCheckIsRefusedBeforeItsFirstStep() throws IOException {
        Path file = write(dir.resolve("changing.json"), 3, StreamedScenarioTest::rejectedPayment);
        ScenarioScript script = parser.stream(file);
        Files.writeString(file, Files.readString(file).replace("o-2", "o-9"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));

        assertThat(catchThrowableOfType(ScenarioException.class, script::cursor))
                .hasMessageStartingWith(file + ": the file changed after it was checked");
    }
}
