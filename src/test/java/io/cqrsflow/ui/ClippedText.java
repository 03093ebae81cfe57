package io.cqrsflow.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
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

    /** A node in a scroll pane's content that lies outside its viewport is scrolled away, not cut off. */
    private static boolean insideScrolledAway(Node n, Bounds b) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
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
