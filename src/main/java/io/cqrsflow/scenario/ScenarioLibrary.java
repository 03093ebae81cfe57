package io.cqrsflow.scenario;

import io.cqrsflow.read.ReadModels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The scenarios that ship with the app, as resources under {@code /scenarios/}: {@code index.txt} lists
 * their ids in the order to offer them, and each id has a {@code <id>.json} beside it.
 */
public final class ScenarioLibrary {
    /** The projectors the built-in scenarios are written for: every read model the app knows. */
    public static final Set<String> BUILT_IN_PROJECTORS = Set.copyOf(ReadModels.names());

    private static final String FOLDER = "/scenarios/";

    private final ScenarioParser defaultParser = new ScenarioParser(BUILT_IN_PROJECTORS);

    /** A built-in scenario as a menu shows it. */
    public record Entry(String id, String name, String description) {
    }

    /** The built-in scenario ids, in the order {@code index.txt} lists them. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (String line : resource("index.txt").split("\\R")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** Every built-in scenario with its name and description, in index order. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (String id : ids()) {
            Scenario scenario = load(id);
            entries.add(new Entry(id, scenario.name(), scenario.description()));
        }
        return List.copyOf(entries);
    }

    /** A built-in scenario, checked against {@link #BUILT_IN_PROJECTORS}; its source is "built-in:&lt;id&gt;". */
    public Scenario load(String id) {
        return load(id, defaultParser);
    }

    /** A built-in scenario, checked by the given parser. */
    public Scenario load(String id, ScenarioParser parser) {
        if (!ids().contains(id)) { // also keeps ids like "../x" away from the resource lookup
            throw ScenarioException.notFound("no built-in scenario named " + id + "; built-in: "
                    + String.join(", ", ids()));
        }
        return parser.parse("built-in:" + id, resource(id + ".json"));
    }

    /**
     * What the user named: an existing file wins, otherwise a built-in scenario's id.
     *
     * @throws ScenarioException when it is neither, or when what it names is not a valid scenario
     */
    public Scenario resolve(String nameOrPath, ScenarioParser parser) {
        Path file = asExistingPath(nameOrPath);
        if (file != null) {
            return parser.parse(file);
        }
        if (ids().contains(nameOrPath)) {
            return load(nameOrPath, parser);
        }
        throw ScenarioException.notFound("no scenario file or built-in scenario named " + nameOrPath
                + "; built-in: " + String.join(", ", ids()));
    }

    /**
     * As {@link #resolve}, for headless play: a file is checked in one pass and streamed as it plays
     * ({@link ScenarioParser#stream(Path)}), so it may hold millions of steps; a built-in lesson is small
     * and read whole.
     */
    public ScenarioScript resolveForStreaming(String nameOrPath, ScenarioParser parser) {
        Path file = asExistingPath(nameOrPath);
        return file != null ? parser.stream(file) : resolve(nameOrPath, parser);
    }

    private static Path asExistingPath(String nameOrPath) {
        try {
            Path path = Path.of(nameOrPath);
            return Files.exists(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the app is missing its resource " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + FOLDER + name, e);
        }
    }
}
