package io.cqrsflow.ui.flow;

import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.ReadModels;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.FxThread;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One "Add …" button per read model that is added at runtime, each shown while its projector is not
 * running. The first one not running is what Ctrl+Shift+A adds, and its tooltip says so.
 */
final class AddProjectionButtons extends HBox {
    private final FlowModel model;
    private final Map<String, Button> buttons = new LinkedHashMap<>();
    private Set<String> running = Set.of();

    AddProjectionButtons(FlowModel model) {
        super(4);
        this.model = model;
        for (ReadModelModule<?> m : ReadModels.addedAtRuntime()) {
            Button add = new Button("Add " + m.name(), new FontIcon(MaterialDesignP.PLUS));
            add.setId("add-projection-" + m.name());
            add.getStyleClass().addAll("small", "flat");
            add.setMinWidth(Region.USE_PREF_SIZE);
            add.setOnAction(e -> add(m.name()));
            buttons.put(m.name(), add);
            getChildren().add(add);
        }
        setMinWidth(Region.USE_PREF_SIZE);
        showRunning(Set.of());
    }

    /** Hides the buttons of the projectors now running. */
    void showRunning(Set<String> runningNow) {
        running = Set.copyOf(runningNow);
        boolean first = true;
        for (Map.Entry<String, Button> e : buttons.entrySet()) {
            boolean runs = running.contains(e.getKey());
            Button add = e.getValue();
            add.setVisible(!runs);
            add.setManaged(!runs);
            add.setTooltip(new Tooltip("Start the " + e.getKey() + " projector: a new read model that catches"
                    + " up from position 0" + (!runs && first ? "  (Ctrl+Shift+A)" : "")));
            first &= runs;
        }
    }

    /** "Add projection …" items for a menu, one per button, each disabled once its projector runs. */
    List<MenuItem> menuItems() {
        List<MenuItem> items = new ArrayList<>();
        for (Map.Entry<String, Button> e : buttons.entrySet()) {
            MenuItem item = new MenuItem("Add projection " + e.getKey(), new FontIcon(MaterialDesignP.PLUS));
            item.setOnAction(a -> add(e.getKey()));
            item.disableProperty().bind(e.getValue().visibleProperty().not());
            items.add(item);
        }
        return items;
    }

    /** Starts that read model's projector off the FX thread (it creates its tables). */
    void add(String name) {
        Button add = buttons.get(name);
        if (add == null || running.contains(name) || add.isDisabled()) {
            return;
        }
        add.setDisable(true);
        FxThread.whenDone(model.client().addProjection(name, 0), (status, failure) -> {
            if (status != null) {
                model.track(status);
            }
            add.setDisable(false);
        });
    }

    /** Adds the first read model, in registry order, that is not running yet. */
    void addNext() {
        for (String name : buttons.keySet()) {
            if (!running.contains(name)) {
                add(name);
                return;
            }
        }
    }
}
