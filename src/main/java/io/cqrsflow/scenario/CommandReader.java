package io.cqrsflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.Limits;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the {@code "command"} object of a step. The shape and the domain's {@link Limits} are checked
 * here (a 201-character name, a price of 1e1001, a quantity of 10 001 are refused); a blank name, a
 * quantity of 0 or a customer nobody registered are read as written, because a scenario may mean to
 * show the domain rejecting them.
 */
final class CommandReader {
    /** In the order a learner meets them. */
    static final List<String> TYPES = List.of("RegisterCustomer", "PlaceOrder", "PayOrder", "ShipOrder",
            "CancelOrder");

    private static final String EXPECTED_VERSION = "expectedVersion";
    private static final String ITEM_EXAMPLE = "{ \"sku\": \"BOOK-1\", \"quantity\": 2, \"unitPrice\": \"12.50\" }";

    private CommandReader() {
    }

    static CommandStep read(int number, long atMs, ObjectFields fields) {
        String type = fields.text("type");
        Command command;
        switch (type) {
            case "RegisterCustomer":
                fields.allowOnly(List.of("type", "customerId", "name", EXPECTED_VERSION), type);
                command = new RegisterCustomer(fields.domainText("customerId"), fields.domainText("name"));
                break;
            case "PlaceOrder":
                fields.allowOnly(List.of("type", "orderId", "customerId", "items", EXPECTED_VERSION), type);
                command = new PlaceOrder(fields.domainText("orderId"), fields.domainText("customerId"), items(fields));
                break;
            case "PayOrder":
                fields.allowOnly(List.of("type", "orderId", EXPECTED_VERSION), type);
                command = new PayOrder(fields.domainText("orderId"));
                break;
            case "ShipOrder":
                fields.allowOnly(List.of("type", "orderId", EXPECTED_VERSION), type);
                command = new ShipOrder(fields.domainText("orderId"));
                break;
            case "CancelOrder":
                fields.allowOnly(List.of("type", "orderId", "reason", EXPECTED_VERSION), type);
                command = new CancelOrder(fields.domainText("orderId"), fields.optionalDomainText("reason").orElse(""));
                break;
            default:
                throw fields.error("type", "unknown command type " + JsonValues.quote(type)
                        + DidYouMean.hint(type, TYPES, "known"));
        }
        OptionalLong expectedVersion = fields.optionalWholeNumber(EXPECTED_VERSION, 0, Long.MAX_VALUE,
                "must be 0 or more");
        return new CommandStep(number, atMs, command, expectedVersion);
    }

    private static List<OrderLine> items(ObjectFields command) {
        List<JsonNode> elements = command.array("items");
        if (elements.size() > Limits.MAX_ITEMS) {
            throw command.error("items", "an order holds at most " + Limits.MAX_ITEMS + " items, got " + elements.size());
        }
        List<OrderLine> lines = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            ObjectFields item = command.element("items", i, elements.get(i), ITEM_EXAMPLE);
            item.allowOnly(List.of("sku", "quantity", "unitPrice"));
            String sku = item.domainText("sku");
            // Below 1 is the domain's rule to show; beyond the limit is no order at all.
            int quantity = (int) item.wholeNumber("quantity", -Limits.MAX_QUANTITY, Limits.MAX_QUANTITY,
                    "must be a whole number between " + -Limits.MAX_QUANTITY + " and " + Limits.MAX_QUANTITY);
            lines.add(new OrderLine(sku, quantity, item.money("unitPrice")));
        }
        return lines;
    }
}
