package io.cqrsflow.app;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.eventstore.EventsDb;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadModels;
import io.cqrsflow.scenario.CommandStep;
import io.cqrsflow.scenario.NoteStep;
import io.cqrsflow.ui.recorder.Recorder;
import io.cqrsflow.scenario.Recording;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioParser;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recorder on the window's door to a real engine: a teacher's session (commands, one of them rejected,
 * a delay change, a pause, a step and a resume, a query, a note, a rebuild) is saved as a lesson file; the
 * parser reads it back, the headless runner plays it into a fresh folder, and events.db ends up holding
 * the same events — position, stream, version, type and payload alike. Not compared: {@code recorded_at}
 * (the time of each run) and {@code metadata} (the command ids each run makes up).
 */
@Timeout(90)
class RecordedLessonPlaybackTest {
    private static final String EVENTS = "SELECT position, stream_id, stream_version, type, data FROM events ORDER BY position";

    @TempDir
    Path dir;

    private int ids;

    @Test
    void a_recorded_session_saves_as_a_lesson_that_plays_back_to_the_same_events() throws Exception {
        // given a teacher's session, recorded through the door the window uses
        Path session = dir.resolve("session");
        Recording recording;
        try (Engine engine = Engine.open(session, Clock.systemUTC(),
                Map.of(ProjectionNames.ORDER_LIST, 300L, ProjectionNames.ORDER_DETAIL, 0L))) {
            Recorder door = new Recorder(engine.client());
            recording = door.start(door.projectors().toCompletableFuture().get(10, TimeUnit.SECONDS));
            submit(door, new RegisterCustomer("c-1", "Ada Lovelace"));
            submit(door, new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));
            CommandResult rejected = submit(door, new ShipOrder("o-1"));
            assertThat(rejected).as("shipping an unpaid order is rejected").isInstanceOf(CommandResult.Rejected.class);
            door.note("The list lags 0.3 s behind the detail. Watch it catch up.");
            door.setDelay(ProjectionNames.ORDER_LIST, 1_000).toCompletableFuture().get(10, TimeUnit.SECONDS);
            door.setDelay(ProjectionNames.ORDER_LIST, 0).toCompletableFuture().get(10, TimeUnit.SECONDS);
            door.pause(ProjectionNames.ORDER_DETAIL).toCompletableFuture().get(10, TimeUnit.SECONDS);
            submit(door, new PayOrder("o-1"));
            submit(door, new PlaceOrder("o-2", "c-1", List.of(new OrderLine("PEN-7", 1, new BigDecimal("3.05")))));
            door.step(ProjectionNames.ORDER_DETAIL).toCompletableFuture().get(10, TimeUnit.SECONDS);
            door.resume(ProjectionNames.ORDER_DETAIL).toCompletableFuture().get(10, TimeUnit.SECONDS);
            door.ask(new Query.GetOrderById("o-1"), QuerySource.WRITE_MODEL).toCompletableFuture().get(10, TimeUnit.SECONDS);
            submit(door, new CancelOrder("o-2", "changed mind"));
            door.rebuild(ProjectionNames.ORDER_LIST).toCompletableFuture().get(10, TimeUnit.SECONDS);
            submit(door, new PayOrder("o-9"));
            door.stop();
            submit(door, new RegisterCustomer("c-2", "not recorded: after Stop"));
            assertThat(engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        }
        Path lesson = dir.resolve("lessons").resolve(Recording.fileName("Pay, then ship — recorded!"));
        Files.createDirectories(lesson.getParent());

        // when it is saved, read back with the parser, and played headless into a fresh folder
        recording.save(lesson, "Pay, then ship — recorded!", "Recorded in a test.", false);
        assertThat(lesson.getFileName().toString()).isEqualTo("pay-then-ship-recorded.json");
        String text = Files.readString(lesson, StandardCharsets.UTF_8);
        Scenario parsed = new ScenarioParser(new HashSet<>(ReadModels.names())).parse(lesson);
        Path replay = dir.resolve("replay");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--headless", "--data", replay.toString(), "--scenario", lesson.toString(),
                "--speed", "4"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        // then the file is what a teacher would write, and the replay holds the very same events
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(parsed.projectorDelays()).containsEntry(ProjectionNames.ORDER_LIST, 300L)
                .containsEntry(ProjectionNames.ORDER_DETAIL, 0L);
        assertThat(parsed.steps()).filteredOn(CommandStep.class::isInstance).hasSize(7);
        assertThat(parsed.steps()).filteredOn(NoteStep.class::isInstance).extracting(s -> ((NoteStep) s).text())
                .containsExactly("The list lags 0.3 s behind the detail. Watch it catch up.");
        assertThat(text).contains("\"unitPrice\" : \"12.50\"", "\"setDelay\"", "\"pause\" : \"order-detail\"",
                "\"step\" : \"order-detail\"", "\"resume\" : \"order-detail\"", "\"rebuild\" : \"order-list\"",
                "\"from\" : \"write-model\"").doesNotContain("c-2");
        assertThat(text.split("\"setDelay\"", -1)).as("a slider's two quick changes are one step").hasSize(2);
        List<Map<String, Object>> recorded = new EventsDb(session.resolve("events.db")).rows(EVENTS);
        List<Map<String, Object>> played = new EventsDb(replay.resolve("events.db")).rows(EVENTS);
        assertThat(recorded).hasSize(6);
        assertThat(recorded.get(5)).containsEntry("stream_id", "customer-c-2");
        assertThat(played).isEqualTo(recorded.subList(0, 5));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("REJECTED");
    }

    @Test
    void a_save_to_a_missing_or_unwritable_folder_says_why_and_keeps_the_recording() throws Exception {
        // given a recording with a command and a note
        Recording recording;
        try (Engine engine = Engine.open(dir.resolve("data"), Clock.systemUTC(), Map.of())) {
            Recorder door = new Recorder(engine.client());
            recording = door.start(List.of());
            submit(door, new RegisterCustomer("c-1", "Ada Lovelace"));
            door.note("One customer.");
            door.stop();
        }
        Path missing = dir.resolve("no-such-folder").resolve("lesson.json");
        Path aFile = dir.resolve("plain-file");
        Files.writeString(aFile, "not a folder");
        Path existing = dir.resolve("taken.json");
        Files.writeString(existing, "a teacher's other lesson");

        // when it is saved where it cannot be, then each refusal names the problem and the recording stays
        assertThatThrownBy(() -> recording.save(missing, "L", "", false))
                .satisfies(e -> assertThat(Recording.whyNotSaved(missing, (Exception) e))
                        .isEqualTo("the folder " + missing.getParent() + " does not exist"));
        Path inAFile = aFile.resolve("lesson.json");
        assertThatThrownBy(() -> recording.save(inAFile, "L", "", false))
                .satisfies(e -> assertThat(Recording.whyNotSaved(inAFile, (Exception) e))
                        .isEqualTo(aFile + " is a file, not a folder"));
        assertThatThrownBy(() -> recording.save(existing, "L", "", false))
                .satisfies(e -> assertThat(Recording.whyNotSaved(existing, (Exception) e)).endsWith("already exists"));
        assertThat(Files.readString(existing)).as("never overwritten unasked").isEqualTo("a teacher's other lesson");
        if (!"root".equals(System.getProperty("user.name"))) { // root writes into read-only folders anyway
            Path readOnly = Files.createDirectory(dir.resolve("read-only"));
            assertThat(readOnly.toFile().setWritable(false)).isTrue();
            Path there = readOnly.resolve("lesson.json");
            assertThatThrownBy(() -> recording.save(there, "L", "", false))
                    .satisfies(e -> assertThat(Recording.whyNotSaved(there, (Exception) e)).contains("cannot be written"));
            readOnly.toFile().setWritable(true);
        }
        assertThat(recording.size()).isEqualTo(2);
        Path good = dir.resolve("lesson.json");
        recording.save(good, "L", "", false);
        assertThat(new ScenarioParser(new HashSet<>(ReadModels.names())).parse(good).steps()).hasSize(2);
        recording.save(existing, "L", "", true);
        assertThat(Files.readString(existing)).as("replaced once asked").contains("One customer.");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    private CommandResult submit(Recorder door, Command command) throws Exception {
        return door.submit(CommandEnvelope.of("teacher-" + ++ids, command)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
