package io.cqrsflow.scenario;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cqrsflow.domain.Command;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadModels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a {@link Recorder} wrote down: the projectors' delays when it started and every step since, each
 * with its time since the start. It stays in memory until it is saved (or the teacher throws it away), so
 * a save that fails loses nothing. Thread-safe.
 */
public final class Recording {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two delay changes of one projector this close together are one change (a slider being dragged). */
    static final long DELAY_MERGE_MS = 1_500;

    private final Map<String, Long> delays;
    private final List<ObjectNode> steps = new ArrayList<>();
    private int notes;
    private int commands;

    /** @param delays each running projector's delay when the recording starts, in the order they run */
    Recording(Map<String, Long> delays) {
        this.delays = new LinkedHashMap<>(delays);
    }

    /**
     * A new recording from the projectors as they are now: those that run from the start give the lesson's
     * "projectors" delays; one added at runtime is added again at 0 ms; one that is paused is paused again
     * at 0 ms — so the lesson starts where the teacher did.
     *
     * @param projectors every running projector's status, in the order they run
     */
    public static Recording startingFrom(List<ProjectorStatus> projectors) {
        Map<String, Long> delays = new LinkedHashMap<>();
        List<String> atStart = ReadModels.atStart();
        for (ProjectorStatus s : projectors) {
            if (atStart.contains(s.name())) {
                delays.put(s.name(), s.delayMs());
            }
        }
        Recording recording = new Recording(delays);
        for (ProjectorStatus s : projectors) {
            if (!atStart.contains(s.name())) {
                recording.add(StepJson.replay(0, "addProjection", s.name(), 0));
                if (s.delayMs() > 0) {
                    recording.addDelay(0, s.name(), s.delayMs());
                }
            }
            if (s.state() == ProjectorState.PAUSED) {
                recording.add(StepJson.projector(0, "pause", s.name()));
            }
        }
        return recording;
    }

    // ---- steps, each at its time since the start

    /** A command as submitted, accepted or not (with the stream version it expected, if it did). */
    public void addCommand(long atMs, Command command, OptionalLong expectedVersion) {
        add(StepJson.command(atMs, command, expectedVersion));
    }

    public void addQuery(long atMs, Query<?> query, QuerySource from) {
        add(StepJson.query(atMs, query, from));
    }

    public void addNote(long atMs, String text) {
        add(StepJson.note(atMs, text));
    }

    public void addPause(long atMs, String projector) {
        add(StepJson.projector(atMs, "pause", projector));
    }

    public void addResume(long atMs, String projector) {
        add(StepJson.projector(atMs, "resume", projector));
    }

    /** Applying exactly one event of a paused projector. */
    public void addStep(long atMs, String projector) {
        add(StepJson.projector(atMs, "step", projector));
    }

    /** {@code msPerEvent} 0: as fast as the store allows. */
    public void addRebuild(long atMs, String projector, long msPerEvent) {
        add(StepJson.replay(atMs, "rebuild", projector, msPerEvent));
    }

    /** A projection added at runtime; a delay other than 0 follows as a delay change at the same moment. */
    public synchronized void addProjection(long atMs, String projection, long delayMs, long msPerEvent) {
        add(StepJson.replay(atMs, "addProjection", projection, msPerEvent));
        if (delayMs > 0) {
            addDelay(atMs, projection, delayMs);
        }
    }

    private synchronized void add(ObjectNode step) {
        steps.add(step);
        if (step.has("note")) {
            notes++;
        } else if (step.has("command")) {
            commands++;
        }
    }

    /** Adds a delay change, replacing the one just before it when it was the same projector's, moments ago. */
    public synchronized void addDelay(long atMs, String projector, long delayMs) {
        if (!steps.isEmpty()) {
            ObjectNode last = steps.get(steps.size() - 1);
            if (StepJson.isSetDelay(last, projector) && atMs - last.get("atMs").asLong() <= DELAY_MERGE_MS) {
                steps.remove(steps.size() - 1);
            }
        }
        steps.add(StepJson.setDelay(atMs, projector, delayMs));
    }

    public synchronized int size() {
        return steps.size();
    }

    public synchronized int commands() {
        return commands;
    }

    public synchronized int notes() {
        return notes;
    }

    /** The scenario file's text: pretty-printed JSON in the format {@link ScenarioParser} reads. */
    public synchronized String json(String name, String description) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("description", description);
        ObjectNode projectors = root.putObject("projectors");
        delays.forEach((projector, ms) -> projectors.putObject(projector).put("delayMs", ms));
        steps.forEach(root.withArray("steps")::add);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Reads {@link #json} back with the parser, as playing the file would: refused here, never half-played there. */
    public Scenario check(String name, String description) {
        return new ScenarioParser(new HashSet<>(ReadModels.names())).parse(name, json(name, description));
    }

    /**
     * Checks the lesson, then writes it to {@code file} whole or not at all (a temporary file beside it,
     * moved into place). An existing file is replaced only when {@code replace} is true; otherwise the
     * save fails with {@link FileAlreadyExistsException}. Either way the recording stays in memory.
     */
    public void save(Path file, String name, String description, boolean replace) throws IOException {
        String text = json(name, description);
        check(name, description);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (!replace && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = Files.createTempFile(dir, ".recording-", ".json.part");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Why a save failed, in one sentence a teacher can act on. */
    public static String whyNotSaved(Path file, Exception e) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && Files.isRegularFile(dir)) {
            return dir + " is a file, not a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder " + dir + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "the folder " + dir + " cannot be written to (read-only, or not yours)";
        }
        if (e instanceof FileAlreadyExistsException) {
            return file.toAbsolutePath() + " already exists";
        }
        if (e instanceof ScenarioException) {
            return "the lesson does not read back as a scenario: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** "1 command", "2 commands". */
    public static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** A file name from a lesson's title: "Cancel before the list!" → "cancel-before-the-list.json". */
    public static String fileName(String title) {
        String slug = title == null ? "" : title.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "recorded-lesson" : slug) + ".json";
    }
}
