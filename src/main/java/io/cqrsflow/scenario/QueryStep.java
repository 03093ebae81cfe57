package io.cqrsflow.scenario;

import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;

import java.util.Objects;

/** Ask a query message of the read model or of the write model. */
public record QueryStep(int number, long atMs, Query<?> query, QuerySource from) implements ScenarioStep {

    public QueryStep {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(from, "from");
    }

    @Override
    public String kind() {
        return "query";
    }
}
