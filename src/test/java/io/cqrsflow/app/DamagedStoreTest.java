package io.cqrsflow.app;

import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless runner on a store that must not be written to (issue 11, item 2): it says why and what to
 * do, exits 1 at once instead of after 40 s, and events.db is byte for byte as it was.
 */
@Timeout(60)
class DamagedStoreTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private Path events() {
        return data().resolve("events.db");
    }

    private void storeWith(int count) {
        try (SqliteEventStore store = SqliteEventStore.open(events(), Clock.systemUTC())) {
            for (int i = 0; i < count; i++) {
                store.append("order-o-" + i, 0, List.of(new OrderPaid("o-" + i + "-" + "z".repeat(80))),
                        EventMetadata.forCommand("c" + i));
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + events()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String sha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(events())));
    }

    private Path threeCommands() throws IOException {
        return Files.writeString(dir.resolve("three.json"), """
                { "name": "three more", "steps": [
                  { "atMs": 0,  "command": { "type": "RegisterCustomer", "customerId": "z-1", "name": "Zed" } },
                  { "atMs": 10, "command": { "type": "RegisterCustomer", "customerId": "z-2", "name": "Zoe" } },
                  { "atMs": 20, "command": { "type": "RegisterCustomer", "customerId": "z-3", "name": "Zia" } } ] }
                """);
    }

    /** Runs the three commands against the store; expects exit 1, quickly, saying all of {@code fragments}. */
    private void assertRefusedQuicklyUnchanged(String... fragments) throws Exception {
        String before = sha256();
        long start = System.nanoTime();

        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", data().toString(),
                "--scenario", threeCommands().toString());

        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until exit").isLessThan(10_000);
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(fragments).doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("accepted");
        assertThat(sha256()).as("sha256 of events.db").isEqualTo(before);
    }

    @Test
    void four_pages_overwritten_in_the_middle_get_no_command_appended() throws Exception {
        storeWith(400);
        overwriteFourPagesInTheMiddle();

        assertRefusedQuicklyUnchanged("is damaged", "has not written to it", "--fresh");
    }

    @Test
    void a_damaged_store_caught_up_without_a_scenario_still_ends_with_the_check_s_message() throws Exception {
        // given a damaged store and no read.db: the projectors start beside the check, which finds the damage
        storeWith(400);
        overwriteFourPagesInTheMiddle();
        String before = sha256();

        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", data().toString());

        // then the run ends with the check's message, no summary, and events.db as it was
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("is damaged", "has not written to it", "--fresh").doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("done ");
        assertThat(sha256()).as("sha256 of events.db").isEqualTo(before);
    }

    @Test
    void a_hand_edited_row_of_malformed_json_is_named_before_anything_is_appended() throws Exception {
        storeWith(20);
        execute("UPDATE events SET data = '{\"orderId\": ' WHERE position = 12");

        assertRefusedQuicklyUnchanged("position 12", "cannot be read", "--fresh");
    }

    @Test
    void a_row_found_unreadable_by_a_projector_stops_the_run_at_once() throws Exception {
        storeWith(20);
        // valid JSON of the wrong shape: only decoding finds it, so it is found on its first read, not at open
        execute("UPDATE events SET data = '{\"orderId\": [1, 2]}' WHERE position = 3");

        assertRefusedQuicklyUnchanged("position 3", "cannot be read", "--fresh");
        assertThat(Files.exists(data().resolve("read.db"))).isTrue();
    }

    /** Four pages of events.db, in the middle of the file, overwritten with random bytes. */
    private void overwriteFourPagesInTheMiddle() throws IOException {
        long pages = Files.size(events()) / 4096;
        try (RandomAccessFile raf = new RandomAccessFile(events().toFile(), "rw")) {
            byte[] garbage = new byte[4 * 4096];
            new Random(11).nextBytes(garbage);
            raf.seek((pages / 2) * 4096);
            raf.write(garbage);
        }
    }
}
