package io.cqrsflow.scenario;

import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.ReadModelDisplay;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.ReadModelReading;
import io.cqrsflow.read.ReadModels;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.write.CommandResult;

import java.util.Optional;

/**
 * Checks a {@link Check} against the live system through the {@link FlowClient}, as the window would show
 * it now: the read models' rows, the projectors' checkpoints, a query's answer, the last command's result.
 * Called on the player's thread; it waits for the reads it asks for.
 */
final class Checker {
    private final FlowClient engine;

    Checker(FlowClient engine) {
        this.engine = engine;
    }

    /** @param lastCommand the result of the last command played, null when none has been */
    Check.Verdict check(Check check, CommandResult lastCommand) {
        if (check instanceof Check.RowField f) {
            Optional<String> cell = row(f.readModel(), f.row(), f.field());
            String found = cell.map(v -> "\"" + v + "\"").orElse("no row " + f.row());
            return new Check.Verdict(cell.isPresent() && cell.get().equals(f.value()), f.describe(), found);
        }
        if (check instanceof Check.RowPresence p) {
            boolean there = row(p.readModel(), p.row(), null).isPresent();
            return new Check.Verdict(there == p.present(), p.describe(),
                    there ? "a row " + p.row() : "no row " + p.row());
        }
        if (check instanceof Check.CrudField f) {
            Optional<String> cell;
            try {
                cell = crudCell(f.orderId(), f.field());
            } catch (java.util.concurrent.CompletionException off) {
                return new Check.Verdict(false, f.describe(), off.getCause().getMessage());
            }
            String found = cell.map(v -> "\"" + v + "\"").orElse("no row " + f.orderId());
            return new Check.Verdict(cell.isPresent() && cell.get().equals(f.value()), f.describe(), found);
        }
        if (check instanceof Check.CrudPresence p) {
            boolean there;
            try {
                there = crudCell(p.orderId(), null).isPresent();
            } catch (java.util.concurrent.CompletionException off) {
                return new Check.Verdict(false, p.describe(), off.getCause().getMessage());
            }
            return new Check.Verdict(there == p.present(), p.describe(),
                    there ? "a row " + p.orderId() : "no row " + p.orderId());
        }
        if (check instanceof Check.StreamEvents e) {
            java.util.List<String> types = engine.eventTypes(e.stream()).toCompletableFuture().join();
            String found = types.isEmpty() ? "no events" : String.join(", ", types);
            return new Check.Verdict(found.equals(e.types()), e.describe(), "\"" + found + "\"");
        }
        if (check instanceof Check.EventsBehind b) {
            long behind = behind(b.projector());
            boolean held = b.atLeast() ? behind >= b.events() : behind == b.events();
            return new Check.Verdict(held, b.describe(), behind < 0 ? b.projector() + " not running"
                    : behind + " behind");
        }
        if (check instanceof Check.Answer a) {
            Object answer = engine.ask(a.query(), a.from()).toCompletableFuture().join();
            String found = AnswerText.of(answer);
            return new Check.Verdict(found.equals(a.answer()), a.describe(), "\"" + found + "\"");
        }
        if (check instanceof Check.LastCommand c) {
            String found = lastCommand == null ? "no command yet" : outcome(lastCommand);
            return new Check.Verdict(found.equals(c.outcome()), c.describe(), found);
        }
        throw new IllegalArgumentException("unknown check " + check);
    }

    static String outcome(CommandResult result) {
        if (result instanceof CommandResult.Accepted) {
            return "accepted";
        }
        return result instanceof CommandResult.Conflict ? "conflict" : "rejected";
    }

    /** Events behind the head, from the projector's latest status; -1 when it is not running. */
    private long behind(String projector) {
        long head = engine.head();
        for (ProjectorStatus s : engine.projectors().toCompletableFuture().join()) {
            if (s.name().equals(projector)) {
                return Math.max(0, head - s.checkpoint());
            }
        }
        return -1;
    }

    /** The CRUD table's text in that column for the order (its id when {@code field} is null); empty: no row. */
    private Optional<String> crudCell(String orderId, String field) {
        for (CrudOrder row : engine.crudOrders().toCompletableFuture().join()) {
            if (!row.orderId().equals(orderId)) {
                continue;
            }
            for (CrudOrder.Column column : CrudOrder.COLUMNS) {
                if (field == null || column.header().equals(field)) {
                    return Optional.of(column.cell().apply(row));
                }
            }
        }
        return Optional.empty();
    }

    /** The row's text in that column (any text when {@code field} is null), empty when there is no such row. */
    private Optional<String> row(String readModel, String key, String field) {
        ReadModelsSnapshot snapshot = engine.readModels().toCompletableFuture().join();
        return cell(snapshot, ReadModels.require(readModel), key, field);
    }

    private static <R> Optional<String> cell(ReadModelsSnapshot snapshot, ReadModelModule<R> model, String key,
                                             String field) {
        ReadModelReading<R> reading = snapshot.reading(model);
        for (R row : reading.rows()) {
            if (!model.key(row).equals(key)) {
                continue;
            }
            for (ReadModelDisplay.Column<R> column : model.display().columns()) {
                if (field == null || column.header().equals(field)) {
                    return Optional.of(column.cell().apply(row));
                }
            }
        }
        return Optional.empty();
    }
}
