package io.cqrsflow.read;

import java.util.List;

/** The projections this app knows. The first two run from the start; the third is added at runtime. */
public final class ProjectionNames {
    public static final String ORDER_LIST = "order-list";
    public static final String ORDER_DETAIL = "order-detail";
    public static final String SALES_BY_CUSTOMER = "sales-by-customer";

    public static final List<String> ALL = List.of(ORDER_LIST, ORDER_DETAIL, SALES_BY_CUSTOMER);
    public static final List<String> AT_START = List.of(ORDER_LIST, ORDER_DETAIL);

    private ProjectionNames() {
    }
}
