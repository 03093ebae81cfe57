package io.cqrsflow.ui;

import io.cqrsflow.ui.lag.LagChart;
import io.cqrsflow.ui.readmodel.ReadModelPanel;
import io.cqrsflow.ui.readmodel.ReadModelsView;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The right column: the read models above their lag chart, in a scroll pane. Every open read-model panel has
 * room for five rows; when the column is too short for all of them, panels fold (each says so, a click opens
 * it): first those the lesson does not use, then the lag chart, then the others — one folded already
 * before one open (panels do not swap as lags change), one in step with the store before one that lags, the
 * oldest first — never the one that lags most (else the newest open one), never one a person opened or folded. If a person opens more than fit, the column scrolls: nothing is cut off.
 */
final class ReadSideColumn extends ScrollPane {
    private final VBox content;
    private final ReadModelsView readModels;
    private final LagChart lagChart;
    private final Set<String> lessonPanels = new LinkedHashSet<>();
    private boolean fitting;
    private boolean fitQueued;

    ReadSideColumn(Node header, ReadModelsView readModels, LagChart lagChart) {
        this.readModels = readModels;
        this.lagChart = lagChart;
        content = new VBox(8, header, readModels, lagChart);
        content.getStyleClass().addAll("column", "right-column");
        VBox.setVgrow(readModels, Priority.ALWAYS);
        lagChart.setOpenPrefHeight(170);
        setContent(content);
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("edge-to-edge");
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setId("read-side");
        Viewports.drawnDirect(this);
        lagChart.foldedProperty().addListener((o, a, b) -> fitLater());
        viewportBoundsProperty().addListener((o, a, b) -> fitLater());
        readModels.onBehindChanged(this::fitLater);
    }

    /** The read models the lesson uses ("panels" in its file): the others fold first. Empty: none chosen. */
    void setLessonPanels(Collection<String> names) {
        lessonPanels.clear();
        lessonPanels.addAll(names);
        fitLater();
    }

    /** Fits again soon (after the layout pass that is under way). */
    void fitLater() {
        if (!fitQueued && !fitting) {
            fitQueued = true;
            Platform.runLater(() -> {
                fitQueued = false;
                fit();
            });
        }
    }

    /** Folds what must fold for five rows in each open panel, and opens what has room again. */
    void fit() {
        double height = getViewportBounds().getHeight();
        double width = getViewportBounds().getWidth() - content.snappedLeftInset() - content.snappedRightInset();
        List<ReadModelPanel<?>> panels = readModels.panelsAdded();
        if (height <= 0 || width <= 0 || panels.isEmpty()) {
            return;
        }
        fitting = true;
        try {
            // what folds first: the panels the lesson does not use, the lag chart, then the oldest panel
            List<Object> foldOrder = new ArrayList<>();
            List<ReadModelPanel<?>> rest = new ArrayList<>();
            for (ReadModelPanel<?> p : panels) {
                boolean unused = !lessonPanels.isEmpty() && !lessonPanels.contains(p.projector());
                if (unused) {
                    foldOrder.add(p);
                } else {
                    rest.add(p);
                }
            }
            foldOrder.add(lagChart);
            // then the others, one staying open whatever happens: the one that lags most (the lag is the
            // lesson; the newest of those alike), else the newest open one (the screen does not swap panels as
            // lags settle), else the newest. The others fold one folded already before one open, one in step
            // before one that lags, and among those alike the oldest first. The column fits again when which
            // panels lag changes, not as their lags grow and shrink: panels do not swap back and forth
            ReadModelPanel<?> kept = null;
            long most = 0;
            for (ReadModelPanel<?> p : rest) {
                long behind = readModels.eventsBehind(p);
                if (behind > 0 && behind >= most) {
                    kept = p;
                    most = behind;
                }
            }
            for (int i = rest.size() - 1; kept == null && i >= 0; i--) {
                if (!rest.get(i).foldedProperty().get()) {
                    kept = rest.get(i);
                }
            }
            if (kept == null && !rest.isEmpty()) {
                kept = rest.get(rest.size() - 1);
            }
            List<ReadModelPanel<?>> older = new ArrayList<>(rest);
            older.remove(kept);
            Set<ReadModelPanel<?>> foldedBefore = new java.util.HashSet<>();
            for (ReadModelPanel<?> p : older) {
                if (p.foldedProperty().get()) {
                    foldedBefore.add(p);
                }
            }
            older.sort(java.util.Comparator.<ReadModelPanel<?>, Boolean>comparing(p -> !foldedBefore.contains(p))
                    .thenComparing(readModels::behind));
            foldOrder.addAll(older);
            // open everything, then fold one at a time until the column's least height fits its viewport
            List<ReadModelPanel<?>> open = new ArrayList<>(panels);
            readModels.foldAllBut(open);
            lagChart.foldToFit(false);
            for (Object o : foldOrder) {
                if (content.minHeight(getViewportBounds().getWidth()) <= height) {
                    break;
                }
                if (o == lagChart) {
                    lagChart.foldToFit(true);
                } else {
                    open.remove(o);
                    readModels.foldAllBut(open);
                }
            }
        } finally {
            fitting = false;
        }
    }
}
