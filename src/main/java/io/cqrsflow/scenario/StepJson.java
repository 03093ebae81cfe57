package io.cqrsflow.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;

import java.util.OptionalLong;

/**
 * Steps as a scenario file writes them — the inverse of {@link StepReader} and {@link CommandReader}, field
 * for field, so that what the recorder saves reads back as the same steps.
 */
final class StepJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StepJson() {
    }

    /** {@code { "atMs": …, kind: value }}: the time first, as a teacher reads it. */
    private static ObjectNode step(long atMs) {
        ObjectNode step = NODES.objectNode();
        step.put("atMs", atMs);
        return step;
    }

    static ObjectNode command(long atMs, Command command, OptionalLong expectedVersion) {
        ObjectNode c = NODES.objectNode();
        c.put("type", command.getClass().getSimpleName());
        if (command instanceof RegisterCustomer r) {
            c.put("customerId", r.customerId());
            c.put("name", r.name());
        } else if (command instanceof PlaceOrder p) {
            c.put("orderId", p.orderId());
            c.put("customerId", p.customerId());
            for (OrderLine line : p.items()) {
                ObjectNode item = c.withArray("items").addObject();
                item.put("sku", line.sku());
                item.put("quantity", line.quantity());
                item.put("unitPrice", line.unitPrice().toPlainString()); // money is a string, as in the docs
            }
            if (p.items().isEmpty()) {
                c.putArray("items");
            }
        } else if (command instanceof PayOrder p) {
            c.put("orderId", p.orderId());
        } else if (command instanceof ShipOrder s) {
            c.put("orderId", s.orderId());
        } else if (command instanceof CancelOrder x) {
            c.put("orderId", x.orderId());
            c.put("reason", x.reason());
        } else {
            throw new IllegalArgumentException("a command without a writer: " + command);
        }
        expectedVersion.ifPresent(v -> c.put("expectedVersion", v));
        ObjectNode step = step(atMs);
        step.set("command", c);
        return step;
    }

    static ObjectNode query(long atMs, Query<?> query, QuerySource from) {
        ObjectNode q = NODES.objectNode();
        q.put("type", query.wireName());
        if (query instanceof Query.GetOrderById byId) {
            q.put("orderId", byId.orderId());
        } else if (query instanceof Query.GetOrdersForCustomer forCustomer) {
            q.put("customerId", forCustomer.customerId());
        }
        q.put("from", from.wireName());
        ObjectNode step = step(atMs);
        step.set("query", q);
        return step;
    }

    static ObjectNode note(long atMs, String text) {
        return step(atMs).put("note", text);
    }

    static ObjectNode setDelay(long atMs, String projector, long delayMs) {
        ObjectNode step = step(atMs);
        step.putObject("setDelay").put("projector", projector).put("delayMs", delayMs);
        return step;
    }

    /** {@code pause}, {@code resume} or {@code step}, with the projector's name as the shorthand value. */
    static ObjectNode projector(long atMs, String kind, String projector) {
        return step(atMs).put(kind, projector);
    }

    /** {@code rebuild} or {@code addProjection}; {@code msPerEvent} 0 is as fast as the store allows. */
    static ObjectNode replay(long atMs, String kind, String projector, long msPerEvent) {
        ObjectNode step = step(atMs);
        if (msPerEvent <= 0) {
            return step.put(kind, projector);
        }
        long perSecond = Math.max(1, Math.min(StepReader.MAX_EVENTS_PER_SECOND, Math.round(1000.0 / msPerEvent)));
        String key = "addProjection".equals(kind) ? "projection" : "projector";
        step.putObject(kind).put(key, projector).put("eventsPerSecond", perSecond);
        return step;
    }

    /** Whether {@code step} is a {@code setDelay} of {@code projector}. */
    static boolean isSetDelay(ObjectNode step, String projector) {
        return step.has("setDelay") && projector.equals(step.get("setDelay").path("projector").asText());
    }
}
