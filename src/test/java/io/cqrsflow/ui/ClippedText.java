package io.cqrsflow.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds visible text that is cut off: a Labeled whose skin shows less than its text (the "…" a
 * LabeledSkin puts in when the text does not fit), or whose text runs past the window's edge. Names
 * each by its id, or its style class and text, and the chain of ids above it. FX thread only.
 */
final class ClippedText {
    /** A table column whose cells may end in "…" on purpose (its tooltip has the whole): the event's JSON. */
    static final String MAY_ELIDE = "cqrsflow.mayElide";

    private ClippedText() {
    }

    static List<String> in(Parent root) {
        root.applyCss();
        root.layout();
        List<String> found = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        walk(root, window, found);
        return found;
    }

    /**
     * Every open read-model table (one a person can see, not folded away) is tall enough for that many rows
     * below its column headers (and a horizontal scroll bar) — or, holding fewer, for each of its rows and one
     * more, at least two: names each that is not.
     */
    static List<String> tablesShowingFewerThan(int rows, Parent root) {
        root.applyCss();
        root.layout();
        List<String> found = new ArrayList<>();
        for (Node n : root.lookupAll(".read-model-table")) {
            if (!(n instanceof TableView<?> t) || !showing(t)) {
                continue;
            }
            Node header = t.lookup(".column-header-background");
            double headerHeight = header == null ? 0 : header.getLayoutBounds().getHeight();
            double bar = 0;
            for (Node b : t.lookupAll(".scroll-bar")) {
                if (b instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible()) {
                    bar = s.getHeight();
                }
            }
            double fit = Math.floor((t.getHeight() - headerHeight - bar - 2) / t.getFixedCellSize());
            // a table holding fewer rows needs room for each of them and one more (at least two)
            int want = Math.min(rows, Math.max(2, t.getItems().size() + 1));
            if (t.getFixedCellSize() <= 0 || fit < want) {
                found.add(name(t) + " has room for " + (int) fit + " rows, not " + want);
            }
        }
        return found;
    }

    /** The node, if it reaches past the window's edges (then a part of it cannot be seen): says so. */
    static List<String> overflowing(Node n, Node window) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        Bounds w = window.localToScene(window.getLayoutBounds());
        if (b.getMinX() < w.getMinX() - 1 || b.getMinY() < w.getMinY() - 1 || b.getMaxX() > w.getMaxX() + 1
                || b.getMaxY() > w.getMaxY() + 1) {
            return List.of(name(n) + " reaches past the window (" + b + ")");
        }
        return List.of();
    }

    private static boolean scrollsSideways(TableView<?> t) {
        for (Node b : t.lookupAll(".scroll-bar")) {
            if (b instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible()) {
                return true;
            }
        }
        return false;
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void walk(Node node, Bounds window, List<String> found) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled l && !mayElide(l)) {
            check(l, window, found);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, window, found);
            }
        }
    }

    private static boolean mayElide(Labeled l) {
        return l instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                && cell.getTableColumn().getProperties().containsKey(MAY_ELIDE);
    }

    private static void check(Labeled l, Bounds window, List<String> found) {
        String text = l.getText();
        if (text == null || text.isBlank() || l.getWidth() <= 0) {
            return;
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        if (b.getMinY() >= window.getMaxY() || b.getMaxY() <= window.getMinY() || insideScrolledAway(l, b)) {
            return; // not on screen (scrolled away in a list or a scroll pane): nothing is cut off
        }
        Text shown = renderedText(l);
        if (shown != null && !normal(shown.getText()).equals(normal(text))) {
            found.add(name(l) + " shows \"" + shown.getText() + "\" of \"" + text + "\"");
        } else if (b.getMaxX() > window.getMaxX() + 1 || b.getMinX() < window.getMinX() - 1) {
            found.add(name(l) + " runs past the window's edge (" + Math.round(b.getMinX()) + ".."
                    + Math.round(b.getMaxX()) + "): \"" + text + "\"");
        }
    }

    /**
     * A node in a scroll pane's content that lies outside its viewport is scrolled away, not cut off; so is a
     * column of a table that scrolls sideways (it shows a horizontal scroll bar) lying outside the table.
     */
    private static boolean insideScrolledAway(Node n, Bounds b) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TableView<?> t && scrollsSideways(t)) {
                Bounds view = t.localToScene(t.getLayoutBounds());
                if (b.getMaxX() > view.getMaxX() + 1 || b.getMinX() < view.getMinX() - 1) {
                    return true;
                }
            }
            if (p instanceof ScrollPane sp) {
                Bounds view = sp.localToScene(sp.getLayoutBounds());
                if (b.getMaxY() > view.getMaxY() + 1 || b.getMinY() < view.getMinY() - 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normal(String s) {
        return s.replace("\n", " ").replaceAll("\\s+", " ").strip();
    }

    private static Text renderedText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t;
            }
        }
        return null;
    }

    static String name(Node n) {
        StringBuilder path = new StringBuilder();
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                path.insert(0, "#" + p.getId() + " > ");
            }
        }
        String self = n.getId() != null ? "#" + n.getId()
                : n.getClass().getSimpleName() + (n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass()));
        return path + self;
    }
}
