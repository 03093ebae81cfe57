package io.cqrsflow.scenario;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The projectors a scenario may name, and the check that it names only those. */
final class ProjectorNames {
    private final List<String> names;

    ProjectorNames(Set<String> names) {
        this.names = List.copyOf(new TreeSet<>(names)); // sorted, so messages read the same every run
    }

    List<String> names() {
        return names;
    }

    /** Reads the string under {@code key} and checks that it names a known projector. */
    String require(ObjectFields fields, String key) {
        String name = fields.text(key);
        check(fields, key, name);
        return name;
    }

    /** Checks {@code name}, found at {@code key} of {@code fields}; an unknown name is blamed on that key. */
    void check(ObjectFields fields, String key, String name) {
        if (!names.contains(name)) {
            throw fields.error(key, "unknown projector " + JsonValues.quote(name)
                    + DidYouMean.hint(name, names, "known"));
        }
    }
}
