package io.cqrsflow.domain;

import java.util.List;

/** What deciding a command produced: the events to append, or the one rule it broke. */
public sealed interface Decision {

    record Accepted(List<Event> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rule rule, String message) implements Decision {
    }

    static Decision accept(Event... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(Rule rule, String message) {
        return new Rejected(rule, message);
    }
}
