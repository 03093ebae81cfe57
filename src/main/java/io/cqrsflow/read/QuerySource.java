package io.cqrsflow.read;

import java.util.Optional;

/** Where a query is answered from: the eventually consistent read model, or the write model's truth. */
public enum QuerySource {
    READ_MODEL("read-model"),
    WRITE_MODEL("write-model");

    private final String wireName;

    QuerySource(String wireName) {
        this.wireName = wireName;
    }

    /** The name in scenario files and traces ("read-model"). */
    public String wireName() {
        return wireName;
    }

    public static Optional<QuerySource> fromWireName(String name) {
        for (QuerySource source : values()) {
            if (source.wireName.equals(name)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
