package io.cqrsflow.scenario;

import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;

import java.util.Objects;

/**
 * Something a lesson claims is true at one moment, checked against the live system when its step plays:
 * by an {@link ExpectStep}, or by each choice of a {@link QuestionStep}. {@link #describe()} says it in
 * the words a trace line or the teacher's panel uses.
 */
public sealed interface Check {

    String describe();

    /** A read model's row, by its key, has {@code value} in the column headed {@code field} (what the panel shows). */
    record RowField(String readModel, String row, String field, String value) implements Check {
        public RowField {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return readModel + " " + row + " " + field + " is \"" + value + "\"";
        }
    }

    /** A read model has a row for that key ({@code present}), or has none. */
    record RowPresence(String readModel, String row, boolean present) implements Check {
        @Override
        public String describe() {
            return readModel + " " + (present ? "has a row " : "has no row ") + row;
        }
    }

    /** The CRUD model's orders row for {@code orderId} has {@code value} in the column headed {@code field}. */
    record CrudField(String orderId, String field, String value) implements Check {
        public CrudField {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return "crud " + orderId + " " + field + " is \"" + value + "\"";
        }
    }

    /** The CRUD model's orders table has a row for {@code orderId} ({@code present}), or has none. */
    record CrudPresence(String orderId, boolean present) implements Check {
        @Override
        public String describe() {
            return "crud " + (present ? "has a row " : "has no row ") + orderId;
        }
    }

    /**
     * The event store's stream holds exactly these events, oldest first, as their types joined by ", "
     * ("OrderPlaced, OrderPaid, OrderCancelled"), or "no events": the history the CRUD table does not keep.
     */
    record StreamEvents(String stream, String types) implements Check {
        @Override
        public String describe() {
            return "events.db stream " + stream + " is \"" + types + "\"";
        }
    }

    /** A projector is exactly {@code events} behind the head, or at least that many when {@code atLeast}. */
    record EventsBehind(String projector, long events, boolean atLeast) implements Check {
        @Override
        public String describe() {
            return projector + " is " + (atLeast ? "at least " : "") + events + " event" + (events == 1 ? "" : "s")
                    + " behind";
        }
    }

    /** A query, asked now, answers {@code answer} — in the one-line words of {@link AnswerText}. */
    record Answer(Query<?> query, QuerySource from, String answer) implements Check {
        @Override
        public String describe() {
            return query.describe() + " from the " + (from == QuerySource.WRITE_MODEL ? "write" : "read")
                    + " model answers \"" + answer + "\"";
        }
    }

    /** The last command played was accepted, rejected or refused as a conflict. */
    record LastCommand(String outcome) implements Check {
        @Override
        public String describe() {
            return "the last command was " + outcome;
        }
    }

    /** What a check found: whether it held, and what was there. */
    record Verdict(boolean held, String expected, String found) {
        /** "expected order-list o-1 status is "pending", found "cancelled"". */
        public String line() {
            return "expected " + expected + ", found " + found;
        }
    }
}
