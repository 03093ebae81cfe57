package io.cqrsflow.flow;

import io.cqrsflow.crud.CrudAnswer;
import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.crud.CrudStore;
import io.cqrsflow.domain.Command;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The CRUD model the engine runs beside CQRS once it is switched on: from then on every command, after the
 * write model has handled it, also goes to crud.db on the command thread. It is off until asked for, and
 * crud.db is never rebuilt from events.db: commands from before it was switched on are simply not in it.
 */
final class CrudBeside implements AutoCloseable {
    private final Path file;
    private final Clock clock;
    private volatile CrudStore store;

    CrudBeside(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(CrudStore.FILE);
        this.clock = clock;
    }

    /** Opens crud.db if it is not open yet; throws {@link io.cqrsflow.crud.CrudStoreException} naming the file. */
    void switchOn() {
        if (store == null) {
            store = CrudStore.open(file, clock);
        }
    }

    boolean on() {
        return store != null;
    }

    /** The CRUD model's answer to the command, or null while it is off. */
    CrudAnswer apply(Command command) {
        CrudStore s = store;
        return s == null ? null : s.apply(command);
    }

    List<CrudOrder> orders() {
        CrudStore s = store;
        if (s == null) {
            throw new IllegalStateException("the CRUD model is off: switch it on (the CRUD toggle, or a lesson's"
                    + " \"panels\": [\"crud\"]) before asking it");
        }
        return s.orders();
    }

    @Override
    public void close() {
        CrudStore s = store;
        if (s != null) {
            s.close();
        }
    }
}
