package io.cqrsflow.scenario;

import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.read.ReadModels;

import java.util.List;

/**
 * Reads the object of an {@code expect} step (or a question's choice) into a {@link Check}. Which check
 * it is follows from its fields: {@code readModel} + {@code row}, {@code crud} (an order id in the CRUD
 * model's table), {@code stream} (a stream in events.db), {@code projector}, {@code query} or {@code lastCommand}.
 */
final class CheckReader {
    static final String EXAMPLE = "{ \"readModel\": \"order-list\", \"row\": \"o-1\", \"field\": \"status\", \"is\": \"pending\" }";
    static final List<String> OUTCOMES = List.of("accepted", "rejected", "conflict");

    private final StepReader steps;
    private final ProjectorNames projectors;

    CheckReader(StepReader steps, ProjectorNames projectors) {
        this.steps = steps;
        this.projectors = projectors;
    }

    Check read(int number, ObjectFields check) {
        if (check.has("readModel")) {
            String model = projectors.require(check, "readModel");
            String row = check.domainText("row");
            if (check.has("absent") || check.has("present")) {
                check.allowOnly(List.of("readModel", "row", check.has("absent") ? "absent" : "present"));
                boolean present = check.has("present") ? check.flag("present") : !check.flag("absent");
                return new Check.RowPresence(model, row, present);
            }
            check.allowOnly(List.of("readModel", "row", "field", "is"));
            String field = check.text("field");
            List<String> headers = ReadModels.require(model).display().columns().stream()
                    .map(c -> c.header()).toList();
            if (!headers.contains(field)) {
                throw check.error("field", "unknown column " + JsonValues.quote(field) + " of " + model
                        + DidYouMean.hint(field, headers, "its columns are"));
            }
            return new Check.RowField(model, row, field, check.text("is"));
        }
        if (check.has("crud")) {
            String order = check.domainText("crud");
            if (check.has("absent") || check.has("present")) {
                check.allowOnly(List.of("crud", check.has("absent") ? "absent" : "present"));
                return new Check.CrudPresence(order, check.has("present") ? check.flag("present") : !check.flag("absent"));
            }
            check.allowOnly(List.of("crud", "field", "is"));
            String field = check.text("field");
            List<String> headers = CrudOrder.headers();
            if (!headers.contains(field)) {
                throw check.error("field", "unknown column " + JsonValues.quote(field) + " of the CRUD table"
                        + DidYouMean.hint(field, headers, "its columns are"));
            }
            return new Check.CrudField(order, field, check.text("is"));
        }
        if (check.has("stream")) {
            check.allowOnly(List.of("stream", "is"));
            return new Check.StreamEvents(check.domainText("stream"), check.text("is"));
        }
        if (check.has("projector")) {
            String projector = projectors.require(check, "projector");
            check.allowOnly(List.of("projector", check.has("eventsBehindAtLeast") ? "eventsBehindAtLeast" : "eventsBehind"));
            boolean atLeast = check.has("eventsBehindAtLeast");
            long events = check.wholeNumber(atLeast ? "eventsBehindAtLeast" : "eventsBehind", 0, 1_000_000_000,
                    "must be 0 or more");
            return new Check.EventsBehind(projector, events, atLeast);
        }
        if (check.has("query")) {
            check.allowOnly(List.of("query", "answer"));
            QueryStep q = steps.query(number, 0, check.object("query",
                    "{ \"type\": \"GetOrderById\", \"orderId\": \"o-1\", \"from\": \"read-model\" }"));
            return new Check.Answer(q.query(), q.from(), check.text("answer"));
        }
        if (check.has("lastCommand")) {
            check.allowOnly(List.of("lastCommand"));
            String outcome = check.text("lastCommand");
            if (!OUTCOMES.contains(outcome)) {
                throw check.error("lastCommand", "must be one of " + String.join(", ", OUTCOMES) + ", got "
                        + JsonValues.quote(outcome));
            }
            return new Check.LastCommand(outcome);
        }
        throw check.error("nothing to check: give readModel and row, crud, stream, projector, query or lastCommand, such as "
                + EXAMPLE);
    }

}
