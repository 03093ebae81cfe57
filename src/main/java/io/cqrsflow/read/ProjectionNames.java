package io.cqrsflow.read;

import io.cqrsflow.read.orderdetail.OrderDetailModule;
import io.cqrsflow.read.orderlist.OrderListModule;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerModule;

import java.util.List;

/**
 * Names of the built-in read models, for code that has to name one (default delays, tests), and the lists
 * derived from {@link ReadModels}. Adding a read model needs nothing here.
 */
public final class ProjectionNames {
    public static final String ORDER_LIST = OrderListModule.NAME;
    public static final String ORDER_DETAIL = OrderDetailModule.NAME;
    public static final String SALES_BY_CUSTOMER = SalesByCustomerModule.NAME;

    /** Every read model, in registry order. */
    public static final List<String> ALL = ReadModels.names();
    /** Those that run from the start. */
    public static final List<String> AT_START = ReadModels.atStart();

    private ProjectionNames() {
    }
}
