package io.cqrsflow.read;


import java.util.List;
import java.util.Map;

/**
 * What the read models and the write model said at one moment, read together on the query thread, with
 * the rows that differ from the truth already worked out: everything the window shows of the read side.
 */
public record ReadModelsSnapshot(List<OrderSummary> orderList, List<OrderDetails> orderDetails,
                                 Map<String, OrderDetails> truth,
                                 Map<String, StaleRow<OrderSummary>> staleList,
                                 Map<String, StaleRow<OrderDetails>> staleDetails,
                                 List<CustomerSales> sales,
                                 Map<String, StaleRow<CustomerSales>> staleSales) {

    public static final ReadModelsSnapshot EMPTY =
            new ReadModelsSnapshot(List.of(), List.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of());
}
