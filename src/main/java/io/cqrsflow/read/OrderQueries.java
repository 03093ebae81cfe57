package io.cqrsflow.read;

import io.cqrsflow.read.orderdetail.OrderDetailQueries;
import io.cqrsflow.read.orderlist.OrderListQueries;

import java.util.List;
import java.util.Optional;

/**
 * The query facade: GetOrderById reads order_detail, GetOrdersForCustomer and ListOrders read
 * order_list — or the same three from the write model. Queries read on their own connections and never
 * block a projector. Call them off the JavaFX thread.
 */
public final class OrderQueries {
    private final OrderListQueries list;
    private final OrderDetailQueries detail;
    private final WriteModelQueries writeModel;

    public OrderQueries(ReadDatabase db, WriteModelQueries writeModel) {
        this.list = new OrderListQueries(db);
        this.detail = new OrderDetailQueries(db);
        this.writeModel = writeModel;
    }

    public Optional<OrderDetails> getOrderById(String orderId, QuerySource from) {
        return from == QuerySource.READ_MODEL ? detail.orderById(orderId) : writeModel.orderById(orderId);
    }

    public List<OrderSummary> getOrdersForCustomer(String customerId, QuerySource from) {
        return from == QuerySource.READ_MODEL ? list.ordersForCustomer(customerId) : writeModel.ordersForCustomer(customerId);
    }

    public List<OrderSummary> listOrders(QuerySource from) {
        return from == QuerySource.READ_MODEL ? list.listOrders() : writeModel.listOrders();
    }

    /**
     * Answers a query message from the chosen side: GetOrderById from order_detail, the other two from
     * order_list — or all three by folding the write model's streams.
     */
    @SuppressWarnings("unchecked")
    public <R> R answer(Query<R> query, QuerySource from) {
        if (query instanceof Query.GetOrderById q) {
            return (R) getOrderById(q.orderId(), from);
        }
        if (query instanceof Query.GetOrdersForCustomer q) {
            return (R) getOrdersForCustomer(q.customerId(), from);
        }
        return (R) listOrders(from);
    }

    public List<OrderDetails> allDetails() {
        return detail.all();
    }

    public WriteModelQueries writeModel() {
        return writeModel;
    }
}
