package io.cqrsflow.scenario;

import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** A query's answer in one line, as the window shows it and as an {@code expect} step states it. */
public final class AnswerText {
    private AnswerText() {
    }

    /** "o-1 · Ada Lovelace · 12.50 · pending", "no such order", "no orders", "o-1 pending, o-2 paid". */
    public static String of(Object answer) {
        if (answer instanceof Optional<?> found) {
            if (found.isEmpty()) {
                return "no such order";
            }
            if (found.get() instanceof OrderDetails d) {
                return d.orderId() + " · " + d.customerName() + " · " + d.total().toPlainString() + " · "
                        + d.status().label();
            }
            return String.valueOf(found.get());
        }
        if (answer instanceof List<?> rows) {
            if (rows.isEmpty()) {
                return "no orders";
            }
            StringJoiner j = new StringJoiner(", ");
            int shown = 0;
            for (Object row : rows) {
                if (shown++ == 6) {
                    j.add("… " + (rows.size() - 6) + " more");
                    break;
                }
                j.add(row instanceof OrderSummary o ? o.orderId() + " " + o.status().label() : String.valueOf(row));
            }
            return j.toString();
        }
        return String.valueOf(answer);
    }
}
