package io.cqrsflow.ui.command;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Layout shared by the forms: labels on the left, fields filling the rest. */
final class Forms {
    private Forms() {
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("command-form");
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setHalignment(HPos.RIGHT);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        field.setFillWidth(true);
        grid.getColumnConstraints().addAll(label, field);
        return grid;
    }

    static void row(GridPane grid, int row, String label, Node field, String tooltip) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setLabelFor(field);
        grid.add(l, 0, row);
        grid.add(field, 1, row);
        if (tooltip != null && field instanceof javafx.scene.control.Control c) {
            c.setTooltip(new Tooltip(tooltip));
        }
    }
}
