package io.cqrsflow.ui.readmodel;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.StaleRow;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.ReadModelsSnapshot;
import javafx.collections.MapChangeListener;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The read models side by side — order list and order detail — and sales by customer once it is added. */
public final class ReadModelsView extends VBox {
    private final FlowModel model;
    private final ReadModelPanel<OrderSummary> list;
    private final ReadModelPanel<OrderDetails> detail;
    private ReadModelPanel<CustomerSales> sales;

    public ReadModelsView(FlowModel model) {
        this.model = model;
        getStyleClass().add("read-models-view");
        getStylesheets().add(ReadModelsView.class.getResource("/io/cqrsflow/ui/readmodel/readmodel.css")
                .toExternalForm());
        setSpacing(8);

        list = new ReadModelPanel<>(model, ProjectionNames.ORDER_LIST, "Order list",
                "ListOrders, GetOrdersForCustomer", OrderSummary::orderId,
                new ReadModelPanel.Source<>() {
                    @Override
                    public List<OrderSummary> rows(ReadModelsSnapshot s) {
                        return s.orderList();
                    }

                    @Override
                    public String stale(ReadModelsSnapshot s, String key) {
                        return difference(s.staleList(), key);
                    }

                    @Override
                    public int missing(ReadModelsSnapshot s) {
                        return missingRows(s.staleList());
                    }
                });
        list.addColumn("order", 44, OrderSummary::orderId);
        list.addColumn("customer", 96, OrderSummary::customerName);
        list.addColumn("total", 52, o -> o.total().toPlainString());
        list.addColumn("status", 66, o -> o.status().label());

        detail = new ReadModelPanel<>(model, ProjectionNames.ORDER_DETAIL, "Order detail",
                "GetOrderById", OrderDetails::orderId,
                new ReadModelPanel.Source<>() {
                    @Override
                    public List<OrderDetails> rows(ReadModelsSnapshot s) {
                        return s.orderDetails();
                    }

                    @Override
                    public String stale(ReadModelsSnapshot s, String key) {
                        return difference(s.staleDetails(), key);
                    }

                    @Override
                    public int missing(ReadModelsSnapshot s) {
                        return missingRows(s.staleDetails());
                    }
                });
        detail.addColumn("order", 44, OrderDetails::orderId);
        detail.addColumn("status", 66, o -> o.status().label());
        detail.addColumn("items", 78, ReadModelsView::items);
        detail.addColumn("reason", 70, o -> o.cancelReason() == null ? "" : o.cancelReason());

        HBox sideBySide = new HBox(8, list, detail);
        HBox.setHgrow(list, Priority.ALWAYS);
        HBox.setHgrow(detail, Priority.ALWAYS);
        list.setPrefWidth(260);
        detail.setPrefWidth(260);
        list.setMinWidth(0);
        detail.setMinWidth(0);
        VBox.setVgrow(sideBySide, Priority.ALWAYS);
        getChildren().add(sideBySide);

        model.statuses().addListener((MapChangeListener<String, ProjectorStatus>) c -> {
            if (c.wasAdded() && c.getKey().equals(ProjectionNames.SALES_BY_CUSTOMER)) {
                addSales();
            }
        });
        if (model.statuses().containsKey(ProjectionNames.SALES_BY_CUSTOMER)) {
            addSales();
        }
    }

    private void addSales() {
        if (sales != null) {
            return;
        }
        sales = new ReadModelPanel<>(model, ProjectionNames.SALES_BY_CUSTOMER, "Sales by customer",
                "added at runtime, caught up from #0", CustomerSales::customerId,
                new ReadModelPanel.Source<>() {
                    @Override
                    public List<CustomerSales> rows(ReadModelsSnapshot s) {
                        return s.sales();
                    }

                    @Override
                    public String stale(ReadModelsSnapshot s, String key) {
                        return null;
                    }

                    @Override
                    public int missing(ReadModelsSnapshot s) {
                        return 0;
                    }
                });
        sales.addColumn("customer", 120, CustomerSales::customerName);
        sales.addColumn("orders", 60, c -> "" + c.orders());
        sales.addColumn("revenue", 80, c -> c.revenue().toPlainString());
        sales.addColumn("cancelled", 70, c -> "" + c.cancelled());
        sales.setPrefHeight(150);
        sales.setMinHeight(110);
        getChildren().add(sales);
        model.requestRead();
    }

    private static <T> String difference(Map<String, StaleRow<T>> stale, String key) {
        StaleRow<T> row = stale.get(key);
        return row == null ? null : row.difference();
    }

    private static <T> int missingRows(Map<String, StaleRow<T>> stale) {
        int n = 0;
        for (StaleRow<T> r : stale.values()) {
            if (r.shown() == null) {
                n++;
            }
        }
        return n;
    }

    static String items(OrderDetails d) {
        StringJoiner j = new StringJoiner(", ");
        for (OrderLine l : d.items()) {
            j.add(l.quantity() + "× " + l.sku());
        }
        return j.toString();
    }

    public ReadModelPanel<OrderSummary> orderList() {
        return list;
    }

    public ReadModelPanel<OrderDetails> orderDetail() {
        return detail;
    }

    public ReadModelPanel<CustomerSales> sales() {
        return sales;
    }
}
