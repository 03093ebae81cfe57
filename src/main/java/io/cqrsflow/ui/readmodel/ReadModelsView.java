package io.cqrsflow.ui.readmodel;

import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.ReadModels;
import io.cqrsflow.ui.FlowModel;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read models, one above the other, in the order {@link ReadModels} lists them: those that run from
 * the start at once, each one added at runtime as soon as its projector runs.
 */
public final class ReadModelsView extends VBox {
    private final FlowModel model;
    private final Map<String, ReadModelPanel<?>> panels = new LinkedHashMap<>();
    private final CrudPanel crud;
    private Runnable onChange;

    public ReadModelsView(FlowModel model) {
        this.model = model;
        getStyleClass().add("read-models-view");
        getStylesheets().add(ReadModelsView.class.getResource("/io/cqrsflow/ui/readmodel/readmodel.css")
                .toExternalForm());
        setSpacing(8);

        for (ReadModelModule<?> m : ReadModels.ALL) {
            if (m.runsFromStart() || model.statuses().containsKey(m.name())) {
                addPanel(m);
            }
        }
        // Beside the read models, last, and hidden until asked for.
        crud = new CrudPanel(model);
        crud.setPrefHeight(240); // shrinks with the others, and keeps room for a few rows
        VBox.setVgrow(crud, Priority.ALWAYS);
        getChildren().add(crud);
        crud.shownProperty().addListener((o, was, now) -> changed()); // the column fits again, folding others
        crud.table().minHeightProperty().addListener((o, was, now) -> changed()); // it needs room for more rows
        model.statuses().addListener((MapChangeListener<String, ProjectorStatus>) c -> {
            if (c.wasAdded() && !panels.containsKey(c.getKey())) {
                ReadModels.named(c.getKey()).ifPresent(m -> {
                    addPanel(m);
                    model.requestRead(); // its rows, now that its tables exist
                });
            }
        });
    }

    private <T> void addPanel(ReadModelModule<T> module) {
        ReadModelPanel<T> panel = new ReadModelPanel<>(model, module);
        // One above the other: each gets the column's full width; each open one has room for five rows
        // (ReadSideColumn folds panels when the column is too short for all of them).
        VBox.setVgrow(panel, Priority.ALWAYS);
        panels.put(module.name(), panel);
        getChildren().add(registryIndex(module), panel);
        panel.foldedProperty().addListener((o, a, b) -> changed());
        panel.setOnFitted(this::changed);
        changed();
    }

    private void changed() {
        if (onChange != null) {
            onChange.run();
        }
    }

    /** Called when a panel is added, folded or opened. */
    public void setOnChange(Runnable action) {
        this.onChange = action;
    }

    /** The panels shown, in the order they were added (the newest last). */
    public java.util.List<ReadModelPanel<?>> panelsAdded() {
        return new java.util.ArrayList<>(panels.values());
    }

    /**
     * Folds the panels named, opens the others (except those a person folded or opened by a click): the
     * column has room for five rows in each open one.
     */
    public void foldAllBut(java.util.Collection<ReadModelPanel<?>> open) {
        for (ReadModelPanel<?> p : panels.values()) {
            p.foldToFit(!open.contains(p));
        }
    }

    /**
     * Runs {@code action} when the set of panels whose projector lags changes (the read side folds again:
     * a lagging panel is the one to keep open).
     */
    public void onBehindChanged(Runnable action) {
        java.util.Set<String> lagging = new java.util.HashSet<>();
        model.statuses().addListener((MapChangeListener<String, ProjectorStatus>) c -> {
            String name = c.getKey();
            ProjectorStatus s = c.wasAdded() ? c.getValueAdded() : null;
            boolean behind = s != null && s.eventsBehind() > 0;
            if (behind ? lagging.add(name) : lagging.remove(name)) {
                action.run();
            }
        });
    }

    /** Whether its projector has events left to apply: its panel shows a lag, what the screen is there for. */
    public boolean behind(ReadModelPanel<?> panel) {
        return eventsBehind(panel) > 0;
    }

    /** How many events its projector has left to apply, as last heard (0 when not known). */
    public long eventsBehind(ReadModelPanel<?> panel) {
        io.cqrsflow.read.ProjectorStatus s = model.statuses().get(panel.projector());
        return s == null ? 0 : Math.max(0, s.eventsBehind());
    }

    /** The width the widest panel's column headers need. */
    public double neededWidth() {
        double w = 0;
        for (ReadModelPanel<?> p : panels.values()) {
            w = Math.max(w, p.neededWidth());
        }
        return w;
    }

    /** Where a panel goes among those shown so far, so that they keep the registry's order. */
    private int registryIndex(ReadModelModule<?> module) {
        int before = 0;
        for (Node child : getChildren()) {
            if (child instanceof ReadModelPanel<?> p
                    && ReadModels.names().indexOf(p.projector()) < ReadModels.names().indexOf(module.name())) {
                before++;
            }
        }
        return before;
    }

    /** The panel of the read model with that name, or null while it is not shown. */
    public ReadModelPanel<?> panel(String name) {
        return panels.get(name);
    }

    /** The CRUD table, hidden until its {@link CrudPanel#shownProperty()} is set. */
    public CrudPanel crud() {
        return crud;
    }

    public ReadModelPanel<?> orderList() {
        return panel(ProjectionNames.ORDER_LIST);
    }
}
