package io.cqrsflow.crud;

import io.cqrsflow.domain.Rule;

/**
 * What the CRUD model answered to one command: it updated its table, it refused the command (by the same
 * rule and in the same words as the write model, since both use the domain's deciders), or crud.db could not
 * be used — which says so and changes nothing else: the event store stays the source of truth.
 *
 * @param rule    the rule broken when {@link Outcome#REJECTED}, otherwise null
 * @param message what changed, why it was refused, or what is wrong with crud.db
 */
public record CrudAnswer(String command, Outcome outcome, Rule rule, String message) {

    public enum Outcome {
        UPDATED, REJECTED, FAILED;

        /** "updated", "rejected", "failed". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** "PayOrder → rejected: cannot pay order o-1: it is cancelled, not pending". */
    public String line() {
        return command + " → " + outcome.label() + ": " + message;
    }
}
