package io.cqrsflow.read;

/** Where a query is answered: a (possibly stale) read model, or the write model's streams. */
public enum QuerySource {
    READ_MODEL("read-model"), WRITE_MODEL("write-model");

    private final String wireName;

    QuerySource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
