package io.cqrsflow.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.cqrsflow.domain.DeciderFixture.given;
import static io.cqrsflow.domain.DeciderFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerDeciderTest {

    @Test
    void registers_a_new_customer() {
        given()
                .when(new RegisterCustomer("c-1", "Ada Lovelace"))
                .then(new CustomerRegistered("c-1", "Ada Lovelace"));
    }

    @Test
    void strips_the_name_it_records() {
        given()
                .when(new RegisterCustomer("c-1", "  Ada Lovelace \t"))
                .then(new CustomerRegistered("c-1", "Ada Lovelace"));
    }

    @Test
    void another_customers_registration_does_not_take_the_id() {
        given(registered("c-2"))
                .when(new RegisterCustomer("c-1", "Grace Hopper"))
                .then(new CustomerRegistered("c-1", "Grace Hopper"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void rejects_a_blank_id(String customerId) {
        given()
                .when(new RegisterCustomer(customerId, "Ada Lovelace"))
                .thenRejected(Rule.BLANK_ID, "without an id");
    }

    @Test
    void rejects_an_id_that_is_taken_and_names_the_id_and_its_owner() {
        given(new CustomerRegistered("c-1", "Ada Lovelace"))
                .when(new RegisterCustomer("c-1", "Grace Hopper"))
                .thenRejected(Rule.CUSTOMER_ID_TAKEN, "c-1", "already taken", "Ada Lovelace");
    }

    @Test
    void a_taken_id_is_reported_even_when_the_name_is_blank_too() {
        given(registered("c-1"))
                .when(new RegisterCustomer("c-1", " "))
                .thenRejected(Rule.CUSTOMER_ID_TAKEN, "c-1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void rejects_a_blank_name_and_names_the_id(String name) {
        given()
                .when(new RegisterCustomer("c-1", name))
                .thenRejected(Rule.BLANK_NAME, "c-1", "name is blank");
    }

    @Test
    void folds_a_history_into_the_registered_customer() {
        CustomerState state = CustomerDecider.fold(List.of(new CustomerRegistered("c-1", "Ada")));

        assertThat(state.registered()).isTrue();
        assertThat(state).isEqualTo(new CustomerState("c-1", "Ada"));
    }

    @Test
    void starts_unregistered() {
        assertThat(CustomerDecider.initialState().registered()).isFalse();
        assertThat(CustomerDecider.fold(List.of())).isEqualTo(CustomerState.UNREGISTERED);
    }

    @Test
    void ignores_events_that_are_not_about_customers() {
        CustomerState before = new CustomerState("c-1", "Ada");

        assertThat(CustomerDecider.evolve(before, new OrderPaid("o-1"))).isSameAs(before);
    }
}
