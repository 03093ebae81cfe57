package io.cqrsflow.ui;

import javafx.scene.control.ComboBox;

import java.util.List;

/** Drop-downs of ids that may hold thousands of items. */
public final class DropDowns {
    /** JavaFX's ComboBoxListViewSkin reads this key: how many rows to measure for the drop-down's width. */
    private static final String ROWS_TO_MEASURE = "comboBoxRowsToMeasureWidth";
    private static final int ROWS_MEASURED = 30;
    private static final String ITEMS_LATER = "cqrsflow.itemsWhenShown";

    private DropDowns() {
    }

    /**
     * Measures only the first rows for the box's width. By default JavaFX measures every item each time the
     * layout asks — with thousands of customers, under load, that was a large part of a frame. Ids are short
     * and alike ("c-1234"), so the first rows give the width.
     */
    public static <T> ComboBox<T> measureFewRows(ComboBox<T> box) {
        box.getProperties().put(ROWS_TO_MEASURE, ROWS_MEASURED);
        box.addEventHandler(ComboBox.ON_SHOWING, e -> {
            Object later = box.getProperties().remove(ITEMS_LATER);
            if (later != null) {
                @SuppressWarnings("unchecked")
                List<T> items = (List<T>) later;
                box.getItems().setAll(items);
            }
        });
        return box;
    }

    /**
     * The box's items: at once if its list is open, else when it opens. Under load the ids change a few times a
     * second, and every change of a closed box's items cost its hidden list a layout. Boxes made by
     * {@link #measureFewRows} only.
     */
    public static <T> void showItems(ComboBox<T> box, List<T> items) {
        if (box.isShowing() || box.getItems().isEmpty()) {
            box.getProperties().remove(ITEMS_LATER);
            if (!box.getItems().equals(items)) {
                box.getItems().setAll(items);
            }
        } else {
            box.getProperties().put(ITEMS_LATER, List.copyOf(items));
        }
    }
}
