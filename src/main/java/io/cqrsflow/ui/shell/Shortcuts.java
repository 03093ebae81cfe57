package io.cqrsflow.ui.shell;

import io.cqrsflow.ui.help.HelpOverlay;
import javafx.collections.ObservableMap;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The window's keyboard shortcuts as one table. Each row is what the F1 help lists — the keys as a learner
 * reads them and what they do — together with the key combinations that do it. The help and the scene's
 * accelerators are both made from these rows, so no key works unlisted and no listed key does nothing.
 */
public final class Shortcuts {

    /** One key combination and what it does. */
    public record Binding(KeyCombination keys, Runnable action) {
    }

    /**
     * One line of the help. {@code byControls} rows (Tab, arrow keys) are keys the focused control answers
     * itself: listed so learners know them, with no accelerator of ours.
     */
    public record Row(String keys, String label, List<Binding> bindings, boolean byControls) {
        public Row {
            bindings = List.copyOf(bindings);
        }
    }

    private final List<Row> rows;
    private final Map<KeyCombination, Runnable> installed = new LinkedHashMap<>();
    private Scene scene;

    private Shortcuts(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A key with modifiers; {@link KeyCombination#SHORTCUT_DOWN} is Ctrl, or ⌘ on a Mac. */
    public static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows as the F1 help shows them, in order. */
    public List<HelpOverlay.Shortcut> helpRows() {
        return rows.stream().map(r -> new HelpOverlay.Shortcut(r.keys(), r.label())).toList();
    }

    /** Every combination some row binds. */
    public Set<KeyCombination> combinations() {
        Set<KeyCombination> all = new LinkedHashSet<>();
        rows.forEach(r -> r.bindings().forEach(b -> all.add(b.keys())));
        return all;
    }

    /** Puts every binding on the scene's accelerators (taking them off a scene they were on before). */
    public void install(Scene target) {
        uninstall();
        ObservableMap<KeyCombination, Runnable> accelerators = target.getAccelerators();
        for (Row row : rows) {
            for (Binding b : row.bindings()) {
                accelerators.put(b.keys(), b.action());
                installed.put(b.keys(), b.action());
            }
        }
        scene = target;
    }

    /**
     * Takes this table's bindings off its scene, so a disposed window no longer answers keys — only those
     * still ours: a binding someone else has put since stays.
     */
    public void uninstall() {
        if (scene != null) {
            installed.forEach(scene.getAccelerators()::remove);
            installed.clear();
            scene = null;
        }
    }

    /** Builds the table row by row: {@code row(keys, label)}, then the combinations that do it. */
    public static final class Builder {
        private final List<Row> rows = new ArrayList<>();
        private final Set<KeyCombination> taken = new LinkedHashSet<>();
        private String keys;
        private String label;
        private List<Binding> bindings;
        private boolean byControls;

        private Builder() {
        }

        /** Starts a help row; the calls that follow until the next row say which keys do it. */
        public Builder row(String keys, String label) {
            finishRow();
            this.keys = keys;
            this.label = label;
            this.bindings = new ArrayList<>();
            this.byControls = false;
            return this;
        }

        public Builder on(KeyCombination combination, Runnable action) {
            if (keys == null) {
                throw new IllegalStateException("on(" + combination + ") before any row");
            }
            if (!taken.add(combination)) {
                throw new IllegalStateException(combination + " is bound twice (again in \"" + keys + "\")");
            }
            bindings.add(new Binding(combination, action));
            return this;
        }

        /** {@code count} numbered combinations, each doing the action with its number (0-based). */
        public Builder onEach(int count, IntFunction<KeyCombination> combination, IntConsumer action) {
            for (int i = 0; i < count; i++) {
                int n = i;
                on(combination.apply(n), () -> action.accept(n));
            }
            return this;
        }

        /** The row's keys are answered by the focused control itself (Tab, arrow keys), not by us. */
        public Builder handledByControls() {
            byControls = true;
            return this;
        }

        public Shortcuts build() {
            finishRow();
            return new Shortcuts(rows);
        }

        private void finishRow() {
            if (keys == null) {
                return;
            }
            if (bindings.isEmpty() != byControls) {
                throw new IllegalStateException("\"" + keys + "\": " + (byControls
                        ? "handled by the controls, yet bound here too" : "listed in the help but bound to nothing"));
            }
            rows.add(new Row(keys, label, bindings, byControls));
            keys = null;
        }
    }
}
