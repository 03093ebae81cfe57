package io.cqrsflow.ui.help;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** "What am I looking at": the four parts of the screen, and every shortcut. F1 opens it, Esc closes it. */
public final class HelpOverlay extends StackPane {

    /** One keyboard shortcut, as listed. */
    public record Shortcut(String keys, String action) {
    }

    private final FlowPane keys = new FlowPane();

    /** Lists no shortcuts until {@link #listShortcuts} is given them. */
    public HelpOverlay() {
        getStyleClass().add("help-overlay");
        setId("help-overlay");
        getStylesheets().add(HelpOverlay.class.getResource("/io/cqrsflow/ui/help/help.css").toExternalForm());
        setVisible(false);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                hide();
            }
        });

        Label title = new Label("What am I looking at?");
        title.getStyleClass().add("help-title");
        Label intro = new Label("CQRS splits the system in two: commands change it (the write side), queries read it"
                + " (the read side). Between them, events flow — and the read side is always a little behind."
                + " Follow a command from left to right, top to bottom:");
        intro.setWrapText(true);
        intro.getStyleClass().add("help-intro");

        // the cards reflow: four side by side on a wide screen, two rows of two (or one above the other) with
        // presenter mode's larger type; the whole card scrolls when the screen is too short for it
        FlowPane parts = new FlowPane(12, 12,
                part("1", "Commands (left)", "Ask the system to change: register a customer, place, pay, ship or"
                        + " cancel an order. The handler decides on the write model and either records events (✓)"
                        + " or rejects the command with the rule it breaks (✗). Tick \"decide on what I saw\" to"
                        + " send the order's version along: if someone changed it first, ⚠ conflict. Results and the"
                        + " query box are below the forms; blue lines with an i are notes."),
                part("2", "The flow (middle)", "Accepted events travel into the event store, then down each projector's"
                        + " lane. A projector applies events in order, each no sooner than its delay. Pause it, step"
                        + " one event, rebuild it from zero, or drag its delay slider."),
                part("3", "Read models (right)", "What queries see: tables kept by the projectors, in each projector's"
                        + " colour. A tinted row is stale — hover it to see the truth from the write model."
                        + " A row flashes when its projector has just changed it."),
                part("4", "Event store + lag", "Under the flow: every event in events.db, newest on top; a dot"
                        + " per projector (● applied, ○ waiting, ◀ its checkpoint). Under the read models: how many"
                        + " events each projector is behind. Eventual consistency: the lines come back to 0."));
        parts.getStyleClass().add("help-parts");

        keys.getStyleClass().add("help-keys");
        keys.setHgap(24);
        keys.setVgap(4);
        Label keysTitle = new Label("Keyboard");
        keysTitle.getStyleClass().add("help-subtitle");

        Button close = new Button("Got it  (Esc)");
        close.setId("help-close");
        close.getStyleClass().add("accent");
        close.setOnAction(e -> hide());
        HBox footer = new HBox(close);
        footer.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(14, title, intro, parts, keysTitle, keys, footer);
        card.getStyleClass().add("help-card");
        card.setPadding(new Insets(24));
        title.setWrapText(true);
        ScrollPane scroll = new ScrollPane(card) {
            // as tall as the card is at the width it has, so it scrolls only when the screen is too short
            @Override
            protected double computePrefHeight(double width) {
                double w = getWidth() > 0 ? getWidth() : Math.min(1100, width);
                return card.prefHeight(w) + snappedTopInset() + snappedBottomInset();
            }
        };
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("help-scroll", "edge-to-edge");
        scroll.setMaxWidth(1100);
        scroll.setMaxHeight(USE_PREF_SIZE);
        StackPane.setMargin(scroll, new Insets(16));
        getChildren().add(scroll);
        StackPane.setAlignment(scroll, Pos.CENTER);
    }

    private static VBox part(String number, String title, String text) {
        Label n = new Label(number);
        n.getStyleClass().add("help-number");
        Label t = new Label(title);
        t.getStyleClass().add("help-part-title");
        t.setWrapText(true);
        HBox head = new HBox(8, n, t);
        head.setAlignment(Pos.CENTER_LEFT);
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("help-part-text");
        VBox box = new VBox(6, head, body);
        box.getStyleClass().add("help-part");
        return box;
    }

    /**
     * Lists these shortcuts under "Keyboard", in this order (replacing any listed before), each a key and
     * what it does: side by side as far as the card is wide, the words wrapping rather than cut.
     */
    public void listShortcuts(List<Shortcut> shortcuts) {
        keys.getChildren().clear();
        for (Shortcut s : shortcuts) {
            Label k = new Label(s.keys());
            k.getStyleClass().add("help-key");
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label a = new Label(s.action());
            a.getStyleClass().add("help-action");
            a.setWrapText(true);
            HBox row = new HBox(8, k, a);
            row.setAlignment(Pos.BASELINE_LEFT);
            row.getStyleClass().add("help-shortcut");
            keys.getChildren().add(row);
        }
    }

    public void show() {
        setVisible(true);
        toFront();
        requestFocus();
    }

    public void hide() {
        setVisible(false);
    }

    public void toggle() {
        if (isVisible()) {
            hide();
        } else {
            show();
        }
    }
}
