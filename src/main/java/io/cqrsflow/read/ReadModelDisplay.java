package io.cqrsflow.read;

import java.util.List;
import java.util.function.Function;

/**
 * How a read model looks in the window, as plain data: the read side uses no JavaFX, and the window
 * turns this into a panel with a table.
 *
 * @param title       the panel's title ("Order list")
 * @param colourHex   its projector's colour ("#2f6fde"): lane, checkpoint marker, chart line, panel header
 * @param description one line under the title: which queries it answers, or how it came to be
 * @param rowNoun     what one row is about, for "2 orders not here yet" ("order", "customer")
 * @param columns     the table's columns, left to right
 * @param wholeRow    a row in full words, for its tooltip (what narrow columns cut off); may answer null
 */
public record ReadModelDisplay<R>(String title, String colourHex, String description, String rowNoun,
                                  List<Column<R>> columns, Function<R, String> wholeRow) {

    public ReadModelDisplay {
        columns = List.copyOf(columns);
    }

    /**
     * One column.
     *
     * @param header the column's heading
     * @param width  its usual width in pixels at normal font size; the window scales it in presenter mode
     * @param cell   a row's text in this column
     */
    public record Column<R>(String header, double width, Function<R, String> cell) {
    }
}
