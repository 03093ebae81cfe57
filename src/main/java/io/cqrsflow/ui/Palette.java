package io.cqrsflow.ui;

import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.ReadModels;
import javafx.scene.paint.Color;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The colours that carry meaning: one per projector (lane, checkpoint marker, chart line, read-model
 * header), each read model's own, and one per event type (tokens, legend, event table). The event
 * colours, and the projector colours the stylesheet names, are the colour variables in
 * {@code cqrsflow.css}; {@code PaletteTest} keeps the two in step.
 */
public final class Palette {
    /** Each read model's colour, by projector name, in registry order. */
    public static final Map<String, String> PROJECTORS = projectors();

    public static final Map<String, String> EVENTS = Map.of(
            "CustomerRegistered", "#8b95a1",
            "OrderPlaced", "#0072b2",
            "OrderPaid", "#e69f00",
            "OrderShipped", "#009e73",
            "OrderCancelled", "#d55e00");

    /** Event types in the order a learner meets them, for the legend. */
    public static final String[] EVENT_ORDER = {"CustomerRegistered", "OrderPlaced", "OrderPaid", "OrderShipped",
            "OrderCancelled"};

    public static final String REJECTED = "#d55e00";
    public static final String UNKNOWN = "#9aa4b2";

    private Palette() {
    }

    private static Map<String, String> projectors() {
        Map<String, String> colours = new LinkedHashMap<>();
        for (ReadModelModule<?> m : ReadModels.ALL) {
            colours.put(m.name(), m.display().colourHex());
        }
        return Map.copyOf(colours);
    }

    public static String projectorHex(String projector) {
        return PROJECTORS.getOrDefault(projector, UNKNOWN);
    }

    public static Color projector(String projector) {
        return Color.web(projectorHex(projector));
    }

    public static String eventHex(String type) {
        return EVENTS.getOrDefault(type, UNKNOWN);
    }

    public static Color event(String type) {
        return Color.web(eventHex(type));
    }

    /**
     * The CSS a lane or panel of this projector sets on itself: its colour for borders and dots, a darker
     * ink for white text on it and for its name on a light background, a lighter glow for its name on a
     * dark one — each at least {@value Contrast#TEXT} : 1, so the projector's own colour need not be.
     */
    public static String projectorStyle(String projector) {
        Color c = projector(projector);
        return "-lane-color: " + projectorHex(projector) + "; -lane-ink: " + Contrast.hex(Contrast.ink(c))
                + "; -lane-glow: " + Contrast.hex(Contrast.glow(c)) + ";";
    }

    /** "order-list" → "Order list". */
    public static String title(String projector) {
        String s = projector.replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
