package io.cqrsflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the {@code "command"} object of a step. Only the shape is checked here: a blank name, a
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
                command = new RegisterCustomer(fields.text("customerId"), fields.text("name"));
                break;
            case "PlaceOrder":
                fields.allowOnly(List.of("type", "orderId", "customerId", "items", EXPECTED_VERSION), type);
                command = new PlaceOrder(fields.text("orderId"), fields.text("customerId"), items(fields));
                break;
            case "PayOrder":
                fields.allowOnly(List.of("type", "orderId", EXPECTED_VERSION), type);
                command = new PayOrder(fields.text("orderId"));
                break;
            case "ShipOrder":
                fields.allowOnly(List.of("type", "orderId", EXPECTED_VERSION), type);
                command = new ShipOrder(fields.text("orderId"));
                break;
            case "CancelOrder":
                fields.allowOnly(List.of("type", "orderId", "reason", EXPECTED_VERSION), type);
                command = new CancelOrder(fields.text("orderId"), fields.optionalText("reason").orElse(""));
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
        List<OrderLine> lines = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            ObjectFields item = command.element("items", i, elements.get(i), ITEM_EXAMPLE);
            item.allowOnly(List.of("sku", "quantity", "unitPrice"));
            String sku = item.text("sku");
            int quantity = (int) item.wholeNumber("quantity", Integer.MIN_VALUE, Integer.MAX_VALUE,
                    "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            lines.add(new OrderLine(sku, quantity, item.money("unitPrice")));
        }
        return lines;
    }
}
