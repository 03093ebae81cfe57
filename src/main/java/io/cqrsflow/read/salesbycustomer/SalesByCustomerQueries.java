package io.cqrsflow.read.salesbycustomer;

import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.KeyRange;
import io.cqrsflow.read.ReadDatabase;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The sales_by_customer table as it stands now. */
public final class SalesByCustomerQueries {
    private final ReadDatabase db;

    public SalesByCustomerQueries(ReadDatabase db) {
        this.db = db;
    }

    /** Every customer's figures; empty while the projection has not been added. */
    public List<CustomerSales> all() {
        return db.read(c -> {
            List<CustomerSales> rows = new ArrayList<>();
            try (PreparedStatement exists = c.prepareStatement(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sales_by_customer'");
                 ResultSet e = exists.executeQuery()) {
                if (!e.next()) {
                    return rows;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, customer_name, orders, revenue, cancelled"
                    + " FROM sales_by_customer ORDER BY customer_name, customer_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CustomerSales(rs.getString(1), rs.getString(2), rs.getInt(3),
                            new BigDecimal(rs.getString(4)), rs.getInt(5)));
                }
            }
            return rows;
        });
    }
    /** The rows of these customer ids (those it has), in no set order; the table must exist. */
    public List<CustomerSales> among(java.util.Collection<String> customerIds) {
        return KeyRange.among(customerIds, (some, marks) -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, customer_name, orders, revenue, cancelled"
                    + " FROM sales_by_customer WHERE customer_id IN (" + marks + ")")) {
                KeyRange.bindAll(ps, some);
                List<CustomerSales> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new CustomerSales(rs.getString(1), rs.getString(2), rs.getInt(3),
                                new BigDecimal(rs.getString(4)), rs.getInt(5)));
                    }
                }
                return rows;
            }
        }));
    }


    /** Rows whose customer id is after {@code after} and up to {@code upTo} (null: no bound); the table must exist. */
    public List<CustomerSales> between(String after, String upTo) {
        KeyRange range = new KeyRange(after, upTo);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, customer_name, orders, revenue, cancelled"
                    + " FROM sales_by_customer" + range.where("customer_id") + " ORDER BY customer_id")) {
                range.bind(ps, 1);
                List<CustomerSales> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new CustomerSales(rs.getString(1), rs.getString(2), rs.getInt(3),
                                new BigDecimal(rs.getString(4)), rs.getInt(5)));
                    }
                }
                return rows;
            }
        });
    }

    /** How many customers it has; 0 while the projection has not been added. */
    public long count() {
        return db.read(c -> {
            if (!exists(c)) {
                return 0L;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sales_by_customer");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Up to {@code limit} customers from place {@code offset}, in the order {@link #all()} has them. */
    public List<CustomerSales> page(int offset, int limit) {
        return db.read(c -> {
            List<CustomerSales> rows = new ArrayList<>();
            if (!exists(c)) {
                return rows;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, customer_name, orders, revenue, cancelled"
                    + " FROM sales_by_customer ORDER BY customer_name, customer_id LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new CustomerSales(rs.getString(1), rs.getString(2), rs.getInt(3),
                                new BigDecimal(rs.getString(4)), rs.getInt(5)));
                    }
                }
            }
            return rows;
        });
    }

    private static boolean exists(java.sql.Connection c) throws java.sql.SQLException {
        try (PreparedStatement exists = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sales_by_customer'");
             ResultSet e = exists.executeQuery()) {
            return e.next();
        }
    }
}
