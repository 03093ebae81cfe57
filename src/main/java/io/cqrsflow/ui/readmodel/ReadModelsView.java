package io.cqrsflow.ui.readmodel;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.read.ReadModelsSnapshot;
import javafx.collections.MapChangeListener;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.StringJoiner;

/** The read models, one above the other — order list and order detail — and sales by customer once it is added. */
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
                ReadModelPanel.Source.of(ReadModelsSnapshot::orderList, ReadModelsSnapshot::staleList, "order",
                        o -> o.orderId() + " · " + o.customerName() + " · " + o.total().toPlainString() + " · "
                                + o.status().label()));
        list.addColumn("order", 54, OrderSummary::orderId);
        list.addColumn("customer", 104, OrderSummary::customerName);
        list.addColumn("total", 58, o -> o.total().toPlainString());
        list.addColumn("status", 76, o -> o.status().label());

        detail = new ReadModelPanel<>(model, ProjectionNames.ORDER_DETAIL, "Order detail",
                "GetOrderById", OrderDetails::orderId,
                ReadModelPanel.Source.of(ReadModelsSnapshot::orderDetails, ReadModelsSnapshot::staleDetails, "order",
                        ReadModelsView::whole));
        detail.addColumn("order", 54, OrderDetails::orderId);
        detail.addColumn("status", 76, o -> o.status().label());
        detail.addColumn("items", 116, ReadModelsView::items);
        detail.addColumn("reason", 64, o -> o.cancelReason() == null ? "" : o.cancelReason());

        // One above the other: each gets the column's full width, so no figure is cut off.
        for (ReadModelPanel<?> p : List.of(list, detail)) {
            p.setMinSize(0, 110);
            p.setPrefHeight(220);
            VBox.setVgrow(p, Priority.ALWAYS);
        }
        getChildren().addAll(list, detail);

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
                "added at runtime, from #0", CustomerSales::customerId,
                ReadModelPanel.Source.of(ReadModelsSnapshot::sales, ReadModelsSnapshot::staleSales, "customer",
                        c -> c.customerName() + " · " + c.orders() + (c.orders() == 1 ? " order" : " orders")
                                + " · revenue " + c.revenue().toPlainString() + " · " + c.cancelled() + " cancelled"));
        sales.addColumn("customer", 100, CustomerSales::customerName);
        sales.addColumn("orders", 56, c -> "" + c.orders());
        sales.addColumn("revenue", 68, c -> c.revenue().toPlainString());
        sales.addColumn("cancelled", 76, c -> "" + c.cancelled());
        sales.setPrefHeight(150);
        sales.setMinSize(0, 110);
        VBox.setVgrow(sales, Priority.ALWAYS);
        getChildren().add(sales);
        model.requestRead();
    }



    /** A detail row in full: what its items and reason columns may cut off. */
    static String whole(OrderDetails d) {
        StringJoiner items = new StringJoiner(", ");
        for (OrderLine l : d.items()) {
            items.add(l.quantity() + "× " + l.sku() + " @ " + l.unitPrice().toPlainString());
        }
        return d.orderId() + " · " + d.customerName() + " · total " + d.total().toPlainString() + " · "
                + d.status().label()
                + "\nitems: " + (d.items().isEmpty() ? "none" : items.toString())
                + (d.cancelReason() == null || d.cancelReason().isEmpty() ? "" : "\nreason: " + d.cancelReason());
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
