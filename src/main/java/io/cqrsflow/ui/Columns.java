package io.cqrsflow.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

import java.util.List;

/**
 * The window's three columns — commands | flow over event store | read models — side by side. Each keeps
 * the width its content needs (in the window's font, so larger in presenter mode): the flow at least
 * {@link #FLOW_EM}, the read models as wide as their tables' column headers. When the window is too narrow
 * for all three (presenter mode below 1920 px), the commands column folds to a strip that says so and
 * opens with one click: the flow and the read models — what a class watches — keep their room.
 */
final class Columns extends SplitPane {
    /** The flow column never gets narrower than this many times the window's font size, nor its pipeline. */
    static final double FLOW_EM = 25;
    /** Nor the commands column, when it is open. */
    static final double COMMANDS_EM = 20;
    private static final StyleablePropertyFactory<Columns> CSS = new StyleablePropertyFactory<>(SplitPane.getClassCssMetaData());

    private final Region commands;
    private final Region centre;
    private final Region readSide;
    private final java.util.function.DoubleSupplier flowNeeds;
    private final Button strip;
    private final BooleanProperty commandsFolded = new SimpleBooleanProperty(this, "commandsFolded");
    /** Folded or opened by a click: it stays so until the window's size or font changes. */
    private boolean chosen;
    private double laidOutFor = -1;
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            c -> c.font, BaseFont.initial(), true);

    Columns(Region commands, Region centre, Region readSide, java.util.function.DoubleSupplier flowNeeds) {
        this.flowNeeds = flowNeeds;
        this.commands = commands;
        this.centre = centre;
        this.readSide = readSide;
        getStyleClass().add("outer-split");
        setId("columns");

        Label title = new Label("1  Commands  ▸");
        title.setRotate(90);
        title.getStyleClass().add("folded-column-title");
        strip = new Button(null, new Group(title));
        strip.setId("open-commands");
        strip.getStyleClass().addAll("folded-column", "flat");
        strip.setTooltip(new Tooltip("The commands column is folded to give the flow and the read models room."
                + " Click to open it."));
        strip.setMaxHeight(Double.MAX_VALUE);
        strip.setMinWidth(Region.USE_PREF_SIZE);
        strip.setMaxWidth(Region.USE_PREF_SIZE);
        strip.setOnAction(e -> {
            chosen = true;
            commandsFolded.set(false);
        });
        commands.setMinWidth(0);
        SplitPane.setResizableWithParent(strip, false);
        getItems().setAll(commands, centre, readSide);

        commandsFolded.addListener((o, a, b) -> {
            getItems().set(0, b ? strip : commands);
            place();
        });
        widthProperty().addListener((o, a, b) -> fit());
        ((ObservableValue<?>) font).addListener((o, a, b) -> {
            chosen = false;
            laidOutFor = -1;
            // after the columns' own content has its new font too
            javafx.application.Platform.runLater(this::fit);
        });
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** Folded: a narrow strip in its place, which opens it with one click. */
    BooleanProperty commandsFoldedProperty() {
        return commandsFolded;
    }

    /** The strip that stands for the folded commands column. */
    Node commandsStrip() {
        return strip;
    }

    /** A read-model panel came or went, or its columns changed: the read models may need more width. */
    void readSideChanged(double neededWidth) {
        double need = Math.ceil(neededWidth + 24);
        if (readSide.getMinWidth() != need) {
            readSide.setMinWidth(need);
            laidOutFor = -1;
            javafx.application.Platform.runLater(this::fit);
        }
    }

    private double em() {
        return font.getValue().getSize();
    }

    /** Folds the commands column when the three do not fit side by side, and places the dividers. */
    private void fit() {
        double w = getWidth();
        if (w <= 0) {
            return;
        }
        centre.setMinWidth(Math.ceil(Math.max(FLOW_EM * em(), flowNeeds.getAsDouble())));
        // the least width first: opening the column places the dividers by it
        commands.setMinWidth(Math.ceil(COMMANDS_EM * em()));
        double all = COMMANDS_EM * em() + centre.getMinWidth() + readSide.getMinWidth() + 2 * divider();
        if (!chosen) {
            commandsFolded.set(all > w);
        }
        if (laidOutFor != w) {
            place();
        }
    }

    private double divider() {
        return 8;
    }

    /** The commands as wide as 22.8 % of the window and the read models 27.6 % — or what they need. */
    private void place() {
        double w = getWidth();
        if (w <= 0) {
            return;
        }
        laidOutFor = w;
        double left = commandsFolded.get() ? strip.prefWidth(-1)
                : Math.max(commands.getMinWidth(), 0.228 * w);
        double right = Math.max(readSide.getMinWidth(), 0.276 * w);
        setDividerPositions(left / w, Math.max(left / w, (w - right) / w));
    }
}
