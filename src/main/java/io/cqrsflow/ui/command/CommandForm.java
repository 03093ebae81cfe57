package io.cqrsflow.ui.command;

import io.cqrsflow.domain.Command;
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

    /** The command as the form stands; only called when {@link #problem()} is null. */
    Command command();

    /** After sending: move on to sensible next defaults (a new order id). */
    void sent(Command command);

    /** The field to focus when the form is shown. */
    Node firstField();
}
