package io.cqrsflow.read;

import io.cqrsflow.read.orderdetail.OrderDetailModule;
import io.cqrsflow.read.orderlist.OrderListModule;
import io.cqrsflow.read.ordersperstatus.OrdersPerStatusModule;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every read model this app knows, in the order lanes and panels show them. Adding a read model is its
 * own package plus one line here; the rest of the app reads this list.
 */
public final class ReadModels {
    public static final List<ReadModelModule<?>> ALL = List.of(
            new OrderListModule(),
            new OrderDetailModule(),
            new SalesByCustomerModule(),
            new OrdersPerStatusModule());

    private ReadModels() {
    }

    public static Optional<ReadModelModule<?>> named(String name) {
        for (ReadModelModule<?> m : ALL) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The one with that name; an unknown name is a programming error, and the message lists the known ones. */
    public static ReadModelModule<?> require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("unknown projection \"" + name
                + "\"; known: " + String.join(", ", names())));
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        ALL.forEach(m -> names.add(m.name()));
        return List.copyOf(names);
    }

    /** The names of those that run from the start. */
    public static List<String> atStart() {
        List<String> names = new ArrayList<>();
        for (ReadModelModule<?> m : ALL) {
            if (m.runsFromStart()) {
                names.add(m.name());
            }
        }
        return List.copyOf(names);
    }

    /** Those a learner adds at runtime, each catching up from position 0. */
    public static List<ReadModelModule<?>> addedAtRuntime() {
        List<ReadModelModule<?>> added = new ArrayList<>();
        for (ReadModelModule<?> m : ALL) {
            if (!m.runsFromStart()) {
                added.add(m);
            }
        }
        return List.copyOf(added);
    }
}
