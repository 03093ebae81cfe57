package io.cqrsflow.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes whose content changes every frame. JavaFX's scroll pane skin caches its viewport as an image:
 * with the flow animating (or a read model's "behind" line changing) that image was drawn again on every such
 * frame and then drawn to the window — the whole column twice, for a token's move or one label's new text. The
 * toolkit's pulse logger counts it as "CacheFilter rebuilding". Without the cache the content is drawn once.
 */
final class Viewports {
    private Viewports() {
    }

    /** Draws {@code pane}'s content directly, without the viewport's cache image, from its skin on. */
    static <T extends ScrollPane> T drawnDirect(T pane) {
        pane.skinProperty().addListener((o, old, skin) -> {
            Node viewport = pane.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        return pane;
    }
}
