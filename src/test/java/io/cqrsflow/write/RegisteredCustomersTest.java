package io.cqrsflow.write;

import io.cqrsflow.domain.CustomerState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisteredCustomersTest {

    @Test
    void keeps_at_most_its_capacity_dropping_the_least_recently_used() {
        // given room for two, holding c-1 and c-2, c-1 used last
        RegisteredCustomers customers = new RegisteredCustomers(2);
        customers.put("c-1", new CustomerState("c-1", "Ada"));
        customers.put("c-2", new CustomerState("c-2", "Grace"));
        customers.get("c-1");
        // when a third arrives
        customers.put("c-3", new CustomerState("c-3", "Edsger"));
        // then c-2 went, c-1 and c-3 are known
        assertThat(customers.get("c-2")).isNull();
        assertThat(customers.get("c-1")).isEqualTo(new CustomerState("c-1", "Ada"));
        assertThat(customers.get("c-3")).isEqualTo(new CustomerState("c-3", "Edsger"));
    }

    @Test
    void refuses_a_customer_that_is_not_registered() {
        // a customer not registered now may be registered by the next command: never remembered
        RegisteredCustomers customers = new RegisteredCustomers(2);
        assertThatThrownBy(() -> customers.put("c-1", CustomerState.UNREGISTERED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c-1");
        assertThat(customers.get("c-1")).isNull();
    }
}
