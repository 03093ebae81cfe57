package io.cqrsflow.domain;

import java.util.List;
import java.util.Optional;

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
        String prefix = "cannot register customer " + PlainText.shown(command.customerId()) + ": ";
        Optional<Decision> badId = beyondLimits(command.customerId(), prefix + "the id ");
        if (badId.isPresent()) {
            return badId.get();
        }
        if (state.registered()) {
            return Decision.reject(Rule.CUSTOMER_ID_TAKEN, "cannot register customer " + command.customerId()
                    + ": the id is already taken by " + state.name());
        }
        if (isBlank(command.name())) {
            return Decision.reject(Rule.BLANK_NAME,
                    "cannot register customer " + command.customerId() + ": the name is blank");
        }
        // The name is stored stripped, so it is checked stripped.
        Optional<Decision> badName = beyondLimits(command.name().strip(), prefix + "the name ");
        if (badName.isPresent()) {
            return badName.get();
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

    /** A rejection when {@code text} is beyond the {@link Limits}; {@code what} begins the message. */
    static Optional<Decision> beyondLimits(String text, String what) {
        return Limits.textProblem(text).map(p -> Decision.reject(p.rule(), what + p.problem()));
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
