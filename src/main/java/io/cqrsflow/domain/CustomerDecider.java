package io.cqrsflow.domain;

import java.util.List;

/** The customer aggregate as a pure decider: decide on a command, evolve on an event. */
public final class CustomerDecider {
    private CustomerDecider() {
    }

    public static CustomerState initialState() {
        return CustomerState.UNREGISTERED;
    }

    public static Decision decide(RegisterCustomer command, CustomerState state) {
        if (isBlank(command.customerId())) {
            return Decision.reject(Rule.BLANK_ID, "cannot register a customer without an id");
        }
        if (state.registered()) {
            return Decision.reject(Rule.CUSTOMER_ID_TAKEN, "cannot register customer " + command.customerId()
                    + ": the id is already taken by " + state.name());
        }
        if (isBlank(command.name())) {
            return Decision.reject(Rule.BLANK_NAME,
                    "cannot register customer " + command.customerId() + ": the name is blank");
        }
        return Decision.accept(new CustomerRegistered(command.customerId(), command.name().strip()));
    }

    public static CustomerState evolve(CustomerState state, Event event) {
        if (event instanceof CustomerRegistered registered) {
            return new CustomerState(registered.customerId(), registered.name());
        }
        return state;
    }

    public static CustomerState fold(List<? extends Event> history) {
        CustomerState state = initialState();
        for (Event event : history) {
            state = evolve(state, event);
        }
        return state;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
