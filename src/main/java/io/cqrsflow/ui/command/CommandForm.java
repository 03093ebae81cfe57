package io.cqrsflow.ui.command;

import io.cqrsflow.domain.Command;
import io.cqrsflow.write.CommandEnvelope;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * One command's form. It validates as the user types: {@link #problem()} names what stops the command
 * from being built at all (a quantity of "abc"); {@link #hint()} warns about a rule the write side will
 * reject — which the learner may want to try.
 */
interface CommandForm {

    /** "PlaceOrder". */
    String type();

    Node view();

    /** Why the command cannot be sent, or null when it can. */
    ObservableValue<String> problem();

    /** A rule the handler will probably reject the command for, or null. */
    ObservableValue<String> hint();

    /** What the status line says when nothing is wrong. */
    default String ready() {
        return "Ready: the handler will decide on the write model's current state.";
    }

    /** The command as the form stands; only called when {@link #problem()} is null. */
    Command command();

    /**
     * The command in the envelope it is sent in: by default without an expected version, so the handler
     * decides on whatever the stream holds when it gets there.
     */
    default CommandEnvelope envelope(String commandId) {
        return CommandEnvelope.of(commandId, command());
    }

    /** After sending: move on to sensible next defaults (a new order id). */
    void sent(CommandEnvelope envelope);

    /** The field to focus when the form is shown. */
    Node firstField();
}
