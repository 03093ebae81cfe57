package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioLibraryTest {
    private static final List<String> IDS = List.of("first-order", "lagging-list", "read-your-writes",
            "when-stale-is-fine", "rejected-commands", "rebuild-from-history", "new-projection", "two-clerks",
            "crud-vs-cqrs", "under-load");

    private final ScenarioLibrary library = new ScenarioLibrary();
    private final ScenarioParser parser = new ScenarioParser(ScenarioLibrary.BUILT_IN_PROJECTORS);

    @Test
    void listsEveryBuiltInScenarioInIndexOrderWithItsNameAndDescription() {
        // when
        List<ScenarioLibrary.Entry> entries = library.list();

        // then
        assertThat(entries).extracting(ScenarioLibrary.Entry::id).containsExactlyElementsOf(IDS);
        assertThat(entries.get(1).id()).isEqualTo("lagging-list");
        assertThat(entries.get(1).name()).isEqualTo("The list lags behind");
        assertThat(entries.get(1).description()).startsWith("The order detail read model applies every event at once;");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.name()).isNotBlank();
            assertThat(entry.description()).isNotBlank();
        });
    }

    @Test
    void everyScenarioFileShippedIsInTheIndex() throws Exception {
        // given: the resources as they are in the source tree (the tests run from the project folder)
        Path folder = Path.of("src", "main", "resources", "scenarios");

        // when
        Set<String> shipped;
        try (Stream<Path> files = Files.list(folder)) {
            shipped = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).collect(Collectors.toSet());
        }

        // then
        assertThat(shipped).containsExactlyInAnyOrderElementsOf(library.ids());
    }

    @Test
    void loadingAnUnknownIdListsTheBuiltInOnes() {
        // then
        assertThat(catchThrowableOfType(ScenarioException.class, () -> library.load("first-orders")))
                .hasMessage("no built-in scenario named first-orders; built-in: " + String.join(", ", IDS));
        assertThat(catchThrowableOfType(ScenarioException.class, () -> library.load("../scenarios/index")))
                .hasMessageStartingWith("no built-in scenario named ../scenarios/index;");
    }

    @Test
    void resolvesAnExistingFile(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, "{ \"name\": \"My lesson\", \"steps\": [ { \"atMs\": 0, \"note\": \"hello\" } ] }");

        // when
        Scenario scenario = library.resolve(file.toString(), parser);

        // then
        assertThat(scenario.name()).isEqualTo("My lesson");
        assertThat(scenario.source()).isEqualTo(file.toString());
    }

    @Test
    void resolvesABuiltInIdWhenNoSuchFileExists() {
        // when
        Scenario scenario = library.resolve("under-load", parser);

        // then
        assertThat(scenario.source()).isEqualTo("built-in:under-load");
        assertThat(scenario.name()).isEqualTo("Under load: 200 orders in 2 seconds");
    }

    @Test
    void resolveChecksBuiltInsWithTheGivenParser() {
        // given: an app that has no sales-by-customer projector
        ScenarioParser narrower = new ScenarioParser(Set.of("order-list", "order-detail"));

        // when
        ScenarioException refused = catchThrowableOfType(ScenarioException.class,
                () -> library.resolve("new-projection", narrower));

        // then
        assertThat(refused.getMessage()).startsWith("built-in:new-projection: step ")
                .endsWith(": field \"addProjection.projection\": unknown projector \"sales-by-customer\";"
                        + " known: order-detail, order-list");
    }

    @Test
    void resolvingNeitherAFileNorABuiltInSaysWhatThereIs() {
        // when
        ScenarioException refused = catchThrowableOfType(ScenarioException.class,
                () -> library.resolve("lessons/does-not-exist.json", parser));

        // then
        assertThat(refused).hasMessage("no scenario file or built-in scenario named lessons/does-not-exist.json;"
                + " built-in: " + String.join(", ", IDS));
        assertThat(refused.file()).isNull();
    }
}
