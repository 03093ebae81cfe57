package io.cqrsflow.read.salesbycustomer;

import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.Projection;
import io.cqrsflow.read.ReadDatabase;
import io.cqrsflow.read.ReadModelDisplay;
import io.cqrsflow.read.ReadModelDisplay.Column;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.StaleRow;
import io.cqrsflow.read.TruthTable;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders, revenue and cancellations per customer: the question nobody planned for. Added at runtime, it
 * starts at position 0 and answers it from the whole history.
 */
public final class SalesByCustomerModule implements ReadModelModule<CustomerSales> {
    public static final String NAME = "sales-by-customer";

    private static final ReadModelDisplay<CustomerSales> DISPLAY = new ReadModelDisplay<>("Sales by customer",
            "#0f9d8a", "added at runtime, from #0", "customer",
            List.of(new Column<>("customer", 100, CustomerSales::customerName),
                    new Column<>("orders", 56, c -> "" + c.orders()),
                    new Column<>("revenue", 68, c -> c.revenue().toPlainString()),
                    new Column<>("cancelled", 76, c -> "" + c.cancelled())),
            c -> c.customerName() + " · " + c.orders() + (c.orders() == 1 ? " order" : " orders")
                    + " · revenue " + c.revenue().toPlainString() + " · " + c.cancelled() + " cancelled");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean runsFromStart() {
        return false;
    }

    @Override
    public Projection projection() {
        return new SalesByCustomerProjection();
    }

    @Override
    public List<CustomerSales> rows(ReadDatabase db) {
        return new SalesByCustomerQueries(db).all();
    }

    @Override
    public List<CustomerSales> rowsBetween(ReadDatabase db, String after, String upTo) {
        return new SalesByCustomerQueries(db).between(after, upTo);
    }

    /** Rows are kept one per customer: the truth comes a chunk of customers at a time, each with all its orders. */
    @Override
    public TruthTable.Chunk truthAfter(TruthTable truth, String after, int chunk) {
        return truth.customersAfter(after, chunk);
    }

    /** The customers themselves, and the customers of the orders (an order changes its customer's sales). */
    @Override
    public Set<String> keysTouched(Set<String> orderIds, Set<String> customerIds, TruthTable truth) {
        Set<String> keys = new HashSet<>(customerIds);
        truth.orders(orderIds).values().forEach(o -> keys.add(o.customerId()));
        return keys;
    }

    @Override
    public Map<String, StaleRow<CustomerSales>> staleOf(ReadDatabase db, TruthTable truth, Collection<String> keys) {
        return stale(rowsOf(db, keys), truth.ordersOfCustomers(keys));
    }

    @Override
    public List<CustomerSales> rowsOf(ReadDatabase db, Collection<String> keys) {
        return new SalesByCustomerQueries(db).among(keys);
    }

    @Override
    public long rowCount(ReadDatabase db) {
        return new SalesByCustomerQueries(db).count();
    }

    @Override
    public List<CustomerSales> rowsPage(ReadDatabase db, int offset, int limit) {
        return new SalesByCustomerQueries(db).page(offset, limit);
    }

    /** A page of customers against every order of those customers in the truth. */
    @Override
    public Map<String, StaleRow<CustomerSales>> staleAmong(List<CustomerSales> rows, TruthTable truth) {
        List<String> customers = new java.util.ArrayList<>(rows.size());
        rows.forEach(r -> customers.add(r.customerId()));
        return stale(rows, truth.ordersOfCustomers(customers));
    }

    @Override
    public String key(CustomerSales row) {
        return row.customerId();
    }

    @Override
    public Map<String, StaleRow<CustomerSales>> stale(List<CustomerSales> rows, Map<String, OrderDetails> truth) {
        return SalesByCustomerStaleness.of(rows, truth);
    }

    @Override
    public ReadModelDisplay<CustomerSales> display() {
        return DISPLAY;
    }
}
