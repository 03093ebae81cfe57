package io.cqrsflow.ui;

import javafx.scene.text.Font;

/**
 * Canvases draw their own text and table columns have widths, and CSS sizes neither. So those views take
 * the font CSS hands down from the window's root (an inherited {@code -fx-font}, as a Label's is: 14 px,
 * 23 px in presenter mode — see cqrsflow.css) and scale what they draw by how much larger it is than the
 * size they were measured at.
 */
public final class BaseFont {
    /** The window's root font size in cqrsflow.css, at which the drawings and column widths were measured. */
    public static final double SIZE = 14;

    private BaseFont() {
    }

    /** What a view's inherited font is before CSS has reached it: the base, so nothing moves until it does. */
    public static Font initial() {
        return Font.font(SIZE);
    }

    /** 1 at the base size, larger with a larger font. */
    public static double scale(Font font) {
        return font == null ? 1 : font.getSize() / SIZE;
    }
}
