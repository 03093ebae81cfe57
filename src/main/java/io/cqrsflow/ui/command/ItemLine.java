package io.cqrsflow.ui.command;

import io.cqrsflow.domain.OrderLine;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;

import java.math.BigDecimal;

/** One editable line of an order: sku, quantity, unit price — each checked as it is typed. */
final class ItemLine {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");

    final TextField sku = new TextField();
    final TextField quantity = new TextField();
    final TextField price = new TextField();
    final ObservableValue<String> problem;

    ItemLine(int number, String skuText, String quantityText, String priceText) {
        sku.setText(skuText);
        quantity.setText(quantityText);
        price.setText(priceText);
        sku.setPromptText("SKU");
        quantity.setPromptText("qty");
        price.setPromptText("0.00");
        sku.getStyleClass().add("item-sku");
        quantity.getStyleClass().add("item-quantity");
        price.getStyleClass().add("item-price");
        sku.setPrefColumnCount(6);
        quantity.setPrefColumnCount(3);
        price.setPrefColumnCount(5);
        problem = Bindings.createStringBinding(() -> {
            String q = quantity.getText().strip();
            String p = price.getText().strip();
            boolean badQuantity = parseQuantity(q) == null;
            boolean badPrice = parsePrice(p) == null;
            quantity.pseudoClassStateChanged(INVALID, badQuantity);
            price.pseudoClassStateChanged(INVALID, badPrice);
            if (badQuantity) {
                return "Line " + number + ": quantity \"" + q + "\" is not a whole number";
            }
            if (badPrice) {
                return "Line " + number + ": price \"" + p + "\" is not a decimal number like 12.50";
            }
            return null;
        }, quantity.textProperty(), price.textProperty());
    }

    static Integer parseQuantity(String text) {
        if (!text.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text);
    }

    static BigDecimal parsePrice(String text) {
        if (!text.matches("-?\\d{1,12}(\\.\\d{1,4})?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    OrderLine line() {
        return new OrderLine(sku.getText().strip(), parseQuantity(quantity.getText().strip()),
                parsePrice(price.getText().strip()));
    }
}
