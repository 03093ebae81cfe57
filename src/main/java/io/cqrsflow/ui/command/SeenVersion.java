package io.cqrsflow.ui.command;

import io.cqrsflow.domain.OrderState;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.FxThread;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Decide on what I saw": optimistic concurrency in a form. Ticked, it loads the picked order's version
 * from the write model (through the client) and holds it; the command then carries that version, and
 * the box warns as soon as the order moves on underneath. FX thread.
 */
final class SeenVersion {

    /** The order as loaded from the write model when the learner decided: the version a command will expect. */
    record Seen(String orderId, long version, OrderStatus status) {
        String describe() {
            return "version " + version + (status == null ? " (no such order)" : " (" + status.label() + ")");
        }
    }

    private final FlowModel model;
    private final Supplier<String> orderId;
    private final Function<String, Optional<OrderSummary>> find;
    private final CheckBox expect = new CheckBox();
    private final Label seenNote = new Label();
    private final Button lookAgain = new Button("Look again", new FontIcon(MaterialDesignR.REFRESH));
    private final HBox seenBox = new HBox(6, seenNote, lookAgain);
    private final VBox view = new VBox(2, expect, seenBox);
    private final ObjectProperty<Seen> seen = new SimpleObjectProperty<>(this, "seen");
    private long loadTicket;
    /** The order the latest load is (or was) for. */
    private String loadingFor;

    SeenVersion(FlowModel model, String idPrefix, Supplier<String> orderId,
                Function<String, Optional<OrderSummary>> find) {
        this.model = model;
        this.orderId = orderId;
        this.find = find;
        expect.setId(idPrefix + "-expect-version");
        seenNote.setId(idPrefix + "-seen-note");
        lookAgain.setId(idPrefix + "-look-again");
        build();
    }

    Node view() {
        return view;
    }

    BooleanProperty selectedProperty() {
        return expect.selectedProperty();
    }

    boolean isSelected() {
        return expect.isSelected();
    }

    /** What the learner decided on (null: not ticked, or still loading). */
    ObjectProperty<Seen> seenProperty() {
        return seen;
    }

    /** The picked order changed (or may have): when deciding on what was seen, load the new one. */
    void picked() {
        show();
        if (expect.isSelected() && !orderId.get().equals(loadingFor)) {
            load();
        }
    }

    /** This form's own command was accepted: the learner has seen the new version; load it. */
    void ownCommandAccepted() {
        if (expect.isSelected()) {
            load();
        }
    }

    private void build() {
        expect.setWrapText(true);
        expect.setMinHeight(Region.USE_PREF_SIZE);
        expect.setMaxWidth(Double.MAX_VALUE);
        expect.setTooltip(new Tooltip("Optimistic concurrency: the command carries the version you decided on,"
                + " and the handler refuses it (⚠ conflict) if anyone changed the order since."));
        expect.selectedProperty().addListener((o, was, ticked) -> {
            if (ticked) {
                load();
            } else {
                seen.set(null);
                loadTicket++;
                loadingFor = null;
                show();
            }
        });
        seenNote.getStyleClass().add("field-note");
        seenNote.setWrapText(true);
        seenNote.setMinHeight(Region.USE_PREF_SIZE);
        seenNote.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(seenNote, Priority.ALWAYS);
        lookAgain.getStyleClass().addAll("flat", "small");
        lookAgain.setMinWidth(Region.USE_PREF_SIZE);
        lookAgain.setTooltip(new Tooltip("Load the order's current version from the write model and decide again"));
        lookAgain.setOnAction(e -> load());
        seenBox.setAlignment(Pos.CENTER_LEFT);
        seenBox.getStyleClass().add("seen-box");
        view.getStyleClass().add("expectation");
        show();
    }

    /** Loads the picked order from the write model: its version now is what the learner decides on. */
    private void load() {
        String id = orderId.get();
        loadingFor = id;
        long ticket = ++loadTicket;
        seen.set(null);
        show();
        FxThread.whenDone(model.client().loadOrder(id), (order, failure) -> {
            if (order != null && ticket == loadTicket && expect.isSelected()) {
                OrderState state = order.state();
                seen.set(new Seen(id, order.version(), state.exists() ? state.status() : null));
                show();
            }
        });
    }

    /** The version the write model announced for the picked order, as of the last frame (0: no such stream). */
    long liveVersion() {
        Long v = model.streamVersions().get(Streams.order(orderId.get()));
        return v == null ? 0 : v;
    }

    void show() {
        Seen s = seen.get();
        String o = orderId.get();
        if (!expect.isSelected()) {
            expect.setText("Decide on what I saw: version " + liveVersion());
            seenBox.setVisible(false);
            seenBox.setManaged(false);
            return;
        }
        seenBox.setVisible(true);
        seenBox.setManaged(true);
        seenNote.getStyleClass().remove("changed");
        if (s == null) {
            expect.setText("Decide on what I saw: loading…");
            seenNote.setText("");
            lookAgain.setVisible(false);
            lookAgain.setManaged(false);
            return;
        }
        expect.setText("Decide on what I saw: " + s.describe());
        long now = liveVersion();
        if (now != s.version()) {
            String status = find.apply(o).map(x -> " (" + x.status().label() + ")").orElse("");
            seenNote.setText("⚠ Changed since you looked: now version " + now + status + ".");
            seenNote.getStyleClass().add("changed");
            lookAgain.setVisible(true);
            lookAgain.setManaged(true);
        } else {
            seenNote.setText("Two clerks: change " + (o.isEmpty() ? "this order" : o) + " from another form first"
                    + " (you are clerk B), then come back here and send.");
            lookAgain.setVisible(false);
            lookAgain.setManaged(false);
        }
    }

}
