package io.cqrsflow.ui.command;

import io.cqrsflow.domain.Command;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.write.CommandResult;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.StringJoiner;

/**
 * Every handled command, newest first: ✓ accepted with its event positions, ✗ rejected with the rule, ⚠ conflict
 * — and ⓘ what the engine wants the learner to know (read.db rebuilt, a projection added), and what a
 * scenario noted or asked.
 */
public final class ResultLog extends ListView<ResultLog.Entry> {
    public static final int KEPT = 300;

    public enum Outcome { ACCEPTED, REJECTED, CONFLICT, NOTICE, QUERY }

    /** One line of the log, as the learner reads it. */
    public record Entry(Outcome outcome, String headline, String detail) {
        @Override
        public String toString() {
            return headline + " — " + detail;
        }
    }

    public ResultLog(FlowModel model) {
        getStyleClass().add("result-log");
        setId("result-log");
        Label placeholder = new Label("Results of your commands appear here.");
        placeholder.setWrapText(true); // a narrow column must not cut it off
        placeholder.setStyle("-fx-padding: 8;");
        setPlaceholder(placeholder);
        setCellFactory(v -> new EntryCell());
        setFocusTraversable(false);
        model.onSignal(s -> {
            if (s instanceof FlowSignal.CommandHandled handled) {
                add(describe(handled.result()));
            } else if (s instanceof FlowSignal.Notice notice) {
                add(new Entry(Outcome.NOTICE, "Note from the engine", notice.message()));
            }
        });
        model.drawInTurn(pace, this::flush);
    }

    /** Adds a line that is not a command's result (a scenario's note or query answer); FX thread only. */
    public void add(Entry entry) {
        pending.add(0, entry);
        pace.changed();
    }

    /** Entries of this frame, newest first: added in one change, not one per command. */
    private final java.util.List<Entry> pending = new java.util.ArrayList<>();

    /** Under load the log moves a few times a second rather than every frame. */
    private final io.cqrsflow.ui.Pace pace = io.cqrsflow.ui.Pace.busy();

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }

        java.util.List<Entry> next = new java.util.ArrayList<>(pending.subList(0, Math.min(KEPT, pending.size())));
        pending.clear();
        int keep = Math.max(0, KEPT - next.size());
        next.addAll(getItems().subList(0, Math.min(keep, getItems().size())));
        getItems().setAll(next);
    }

    static Entry describe(CommandResult result) {
        Command c = result.command().command();
        String what = c.type() + " " + subject(c);
        if (result instanceof CommandResult.Accepted a) {
            StringJoiner events = new StringJoiner(", ");
            for (RecordedEvent e : a.events()) {
                events.add(e.type() + " #" + e.position());
            }
            String decidedOn = result.command().expectedVersion().isPresent()
                    ? " (decided on version " + result.command().expectedVersion().getAsLong() + ")" : "";
            return new Entry(Outcome.ACCEPTED, "✓ " + what + " accepted", "recorded " + events + decidedOn);
        }
        if (result instanceof CommandResult.Rejected r) {
            return new Entry(Outcome.REJECTED, "✗ " + what + " rejected", r.message() + " (rule " + r.rule() + ")");
        }
        CommandResult.Conflict k = (CommandResult.Conflict) result;
        return new Entry(Outcome.CONFLICT, "⚠ " + what + " conflict", k.message());
    }

    /** The id a command is about: "o-1" or "c-1". */
    public static String subject(Command c) {
        String stream = c.streamId();
        int dash = stream.indexOf('-');
        return dash < 0 ? stream : stream.substring(dash + 1);
    }

    private static final class EntryCell extends ListCell<Entry> {
        private final Label headline = new Label();
        private final Label detail = new Label();
        private final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(1, headline, detail);
        private final Tooltip tip = new Tooltip();
        /** One icon per outcome, made when first needed and reused. */
        private final java.util.Map<Outcome, FontIcon> icons = new java.util.EnumMap<>(Outcome.class);
        private Outcome styled;

        EntryCell() {
            headline.getStyleClass().add("log-headline");
            detail.getStyleClass().add("log-detail");
            detail.setWrapText(true);
            detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            headline.setWrapText(true);
            headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setMinWidth(0);
            setPrefWidth(0);
            // a wrapped label in a list cell needs a width to know its height
            listViewProperty().addListener((o, was, list) -> {
                detail.prefWidthProperty().unbind();
                detail.maxWidthProperty().unbind();
                headline.maxWidthProperty().unbind();
                if (list != null) {
                    detail.prefWidthProperty().bind(list.widthProperty().subtract(40));
                    detail.maxWidthProperty().bind(list.widthProperty().subtract(40));
                    headline.maxWidthProperty().bind(list.widthProperty().subtract(40));
                }
            });
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            Outcome outcome = empty || item == null ? null : item.outcome();
            if (outcome != styled) {
                // style classes change only when the outcome does: each change means styling the cell again
                if (styled != null) {
                    getStyleClass().remove(styled.name().toLowerCase(java.util.Locale.ROOT));
                }
                if (outcome != null) {
                    getStyleClass().add(outcome.name().toLowerCase(java.util.Locale.ROOT));
                }
                styled = outcome;
            }
            if (outcome == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            // the icon already says ✓ / ✗ / ⚠
            headline.setText(withoutMark(item.headline()));
            headline.setGraphic(icons.computeIfAbsent(outcome, EntryCell::icon));
            detail.setText(item.detail());
            if (getGraphic() != box) {
                setGraphic(box);
            }
            tip.setText(item.headline() + "\n" + item.detail());
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
        }

        /** "✓ PlaceOrder o-1 accepted" → "PlaceOrder o-1 accepted" (no regular expression per cell). */
        static String withoutMark(String headline) {
            return headline.length() > 1 && "✓✗⚠?".indexOf(headline.charAt(0)) >= 0 && headline.charAt(1) == ' '
                    ? headline.substring(2) : headline;
        }

        private static FontIcon icon(Outcome outcome) {
            FontIcon icon = new FontIcon(outcome == Outcome.ACCEPTED ? MaterialDesignC.CHECK_CIRCLE
                    : outcome == Outcome.REJECTED ? MaterialDesignC.CLOSE_CIRCLE
                    : outcome == Outcome.NOTICE ? MaterialDesignI.INFORMATION
                    : outcome == Outcome.QUERY ? MaterialDesignM.MAGNIFY : MaterialDesignA.ALERT);
            icon.getStyleClass().add("log-icon");
            return icon;
        }
    }
}
