package io.cqrsflow.load;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.write.CommandEnvelope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The commands a busy shop sends, one after another, the same for the same seed: new customers, orders,
 * payments, shipments, cancellations — and on purpose some that break a rule (paying an order nobody
 * placed, shipping one not paid, an order for an unknown customer, cancelling a shipped one) and some that
 * decide on a stale version (a clerk's {@code expectedVersion} one behind), which the handler refuses as a
 * conflict. It keeps its own picture of the orders it made, as if every proper command was accepted, and
 * keeps that picture bounded: at most {@link #OPEN_ORDERS} open orders, a few closed ones.
 */
public final class LoadMix {
    /** What a command is meant to be. */
    public enum Kind { REGISTER, PLACE, PAY, SHIP, CANCEL, INVALID, CONFLICT }

    /** One command and what it was meant as. */
    public record Next(Kind kind, CommandEnvelope command) {
    }

    /** Percent of each kind, in {@link Kind} order; a kind with nothing to act on becomes a placed order. */
    static final int[] WEIGHTS = {8, 30, 20, 14, 8, 12, 8};
    static final int OPEN_ORDERS = 2_000;
    private static final int CLOSED_KEPT = 50;
    private static final int CUSTOMERS_KEPT = 500;
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances", "Donald", "Radia",
        "Ken", "Margaret", "Tim", "Leslie"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Allen", "Knuth",
        "Perlman", "Thompson", "Hamilton", "Berners-Lee", "Lamport"};
    private static final String[] SKUS = {"BOOK-1", "BOOK-2", "PEN-1", "MUG-1", "LAMP-1", "DESK-1"};
    private static final String[] PRICES = {"2.50", "4.99", "12.50", "19.90", "35.00", "120.00"};
    private static final String[] REASONS = {"changed mind", "found it cheaper", "ordered twice", "too slow"};

    private record Order(String id, long version) {
    }

    private final Random random;
    private final String prefix;
    private final List<String> customers = new ArrayList<>();
    private final List<Order> pending = new ArrayList<>();
    private final List<Order> paid = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private long customerCount;
    private long orderCount;
    private long commandCount;

    /** {@code idPrefix} keeps this run's ids apart from what the store holds already ("load1-" → "load1-o-7"). */
    public LoadMix(long seed, String idPrefix) {
        this.random = new Random(seed);
        this.prefix = idPrefix;
    }

    public Next next() {
        commandCount++;
        Kind kind = pick();
        switch (kind) {
            case REGISTER:
                return register();
            case PAY:
                if (!pending.isEmpty()) {
                    Order o = pending.remove(random.nextInt(pending.size()));
                    paid.add(new Order(o.id(), o.version() + 1));
                    return next(Kind.PAY, new PayOrder(o.id()));
                }
                return place();
            case SHIP:
                if (!paid.isEmpty()) {
                    Order o = paid.remove(random.nextInt(paid.size()));
                    close(o.id());
                    return next(Kind.SHIP, new ShipOrder(o.id()));
                }
                return place();
            case CANCEL:
                List<Order> open = random.nextBoolean() && !paid.isEmpty() ? paid : pending;
                if (!open.isEmpty()) {
                    Order o = open.remove(random.nextInt(open.size()));
                    close(o.id());
                    return next(Kind.CANCEL, new CancelOrder(o.id(), REASONS[random.nextInt(REASONS.length)]));
                }
                return place();
            case INVALID:
                return invalid();
            case CONFLICT:
                List<Order> any = !pending.isEmpty() ? pending : paid;
                if (!any.isEmpty()) {
                    // Decided on the version before the latest: someone changed the order since.
                    Order o = any.get(random.nextInt(any.size()));
                    Command c = any == pending ? new PayOrder(o.id()) : new ShipOrder(o.id());
                    return new Next(Kind.CONFLICT, envelope(c).expecting(o.version() - 1));
                }
                return place();
            default:
                return place();
        }
    }

    private Kind pick() {
        if (customers.isEmpty()) {
            return Kind.REGISTER;
        }
        int roll = random.nextInt(100);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                Kind k = Kind.values()[i];
                // Enough open orders: move them on instead of placing more.
                return k == Kind.PLACE && pending.size() + paid.size() >= OPEN_ORDERS ? Kind.PAY : k;
            }
        }
        return Kind.PLACE;
    }

    private Next register() {
        String id = prefix + "c-" + (++customerCount);
        customers.add(id);
        if (customers.size() > CUSTOMERS_KEPT) {
            customers.remove(0);
        }
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        return next(Kind.REGISTER, new RegisterCustomer(id, name));
    }

    private Next place() {
        if (customers.isEmpty()) {
            return register();
        }
        String id = prefix + "o-" + (++orderCount);
        pending.add(new Order(id, 1));
        return next(Kind.PLACE, new PlaceOrder(id, customers.get(random.nextInt(customers.size())), items()));
    }

    private List<OrderLine> items() {
        List<OrderLine> items = new ArrayList<>();
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            items.add(new OrderLine(SKUS[random.nextInt(SKUS.length)], 1 + random.nextInt(5),
                    new BigDecimal(PRICES[random.nextInt(PRICES.length)])));
        }
        return items;
    }

    /** A command that breaks a rule on purpose; the handler says which. */
    private Next invalid() {
        int which = random.nextInt(4);
        if (which == 0 && !pending.isEmpty()) {
            return next(Kind.INVALID, new ShipOrder(pending.get(random.nextInt(pending.size())).id())); // not paid
        }
        if (which == 1 && !closed.isEmpty()) {
            return next(Kind.INVALID, new CancelOrder(closed.get(random.nextInt(closed.size())), "too late"));
        }
        if (which == 2) {
            return next(Kind.INVALID, new PlaceOrder(prefix + "o-x" + commandCount, prefix + "c-nobody", items()));
        }
        return next(Kind.INVALID, new PayOrder(prefix + "o-missing-" + commandCount)); // unknown order
    }

    private void close(String orderId) {
        closed.add(orderId);
        if (closed.size() > CLOSED_KEPT) {
            closed.remove(0);
        }
    }

    private Next next(Kind kind, Command command) {
        return new Next(kind, envelope(command));
    }

    private CommandEnvelope envelope(Command command) {
        return CommandEnvelope.of(prefix + "cmd-" + commandCount, command);
    }
}
