package io.cqrsflow.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario file checked whole, in one pass, and played as it is read again: only its settings and
 * its step count are kept, and one step at a time while it plays. Its steps are in time order (the
 * check saw to that), so the file's order is the playing order.
 *
 * <p>The file must not change between the check and the play: each pass compares its size, time and
 * identity with what the check saw, and refuses before the first step if they differ.
 */
public final class StreamedScenario implements ScenarioScript {

    /** What identifies the file's contents as checked: its size, its last change and the file itself. */
    record Stamp(long size, FileTime modified, Object key) {
        static Stamp of(String source, Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey());
            } catch (IOException e) {
                throw ScenarioFileReader.failure(source, e, ScenarioFileLimits.STREAMED);
            }
        }
    }

    private final ScenarioParser.Header header;
    private final int steps;
    private final Path file;
    private final Stamp stamp;
    private final ProjectorNames projectors;

    StreamedScenario(ScenarioParser.Header header, int steps, Path file, Stamp stamp, ProjectorNames projectors) {
        this.header = header;
        this.steps = steps;
        this.file = file;
        this.stamp = stamp;
        this.projectors = projectors;
    }

    @Override
    public String name() {
        return header.name();
    }

    @Override
    public String description() {
        return header.description();
    }

    @Override
    public Map<String, Long> projectorDelays() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(header.projectorDelays()));
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public List<String> panels() {
        return List.copyOf(header.panels());
    }

    @Override
    public int stepCount() {
        return steps;
    }

    /** @throws ScenarioException when the file changed since it was checked, or cannot be read now */
    @Override
    public StepCursor cursor() {
        String source = source();
        if (!Stamp.of(source, file).equals(stamp)) {
            throw ScenarioException.aboutFile(source, "the file changed after it was checked; nothing of it was"
                    + " played from the changed file — run it again to check and play the new version", null);
        }
        Reader text = ScenarioFileReader.open(source, file, ScenarioFileLimits.STREAMED);
        StepStream stream = new StepStream(source, text, ScenarioFileLimits.STREAMED);
        try {
            stream.start();
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return new Cursor(stream, new StepReader(source, projectors));
    }

    /** Reads one step ahead of the player: the one it will play next. */
    private static final class Cursor implements StepCursor {
        private final StepStream stream;
        private final StepReader reader;
        private ScenarioStep ahead;
        private boolean ended;

        Cursor(StepStream stream, StepReader reader) {
            this.stream = Objects.requireNonNull(stream);
            this.reader = reader;
        }

        @Override
        public ScenarioStep peek() {
            if (ahead == null && !ended) {
                var element = stream.next();
                if (element == null) {
                    ended = true;
                    stream.close();
                } else {
                    ahead = reader.read(stream.count(), element);
                }
            }
            return ahead;
        }

        @Override
        public ScenarioStep take() {
            ScenarioStep step = peek();
            ahead = null;
            return step;
        }

        @Override
        public void close() {
            ended = true;
            ahead = null;
            stream.close();
        }
    }
}
