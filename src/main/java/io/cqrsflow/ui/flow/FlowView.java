package io.cqrsflow.ui.flow;

import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.Palette;
import io.cqrsflow.write.CommandResult;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.collections.MapChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The middle of the screen: command handler → event store → one lane per projector, with tokens
 * travelling between them. Tokens are coloured by event type (legend on top); a rejected command
 * bounces back from the handler with the rule's message.
 *
 * <p>Slightly over 300 lines: the lanes and the token flights between them are laid out against each
 * other's positions. To split next: the legend and the rejected command's bounce.
 */
public final class FlowView extends StackPane {
    private static final long BASE_FLIGHT_NANOS = 700_000_000L;
    /** Batches of up to this many applied events fly a token each; a bigger batch flies one token for all. */
    private static final int TOKENS_PER_BATCH = 5;

    private final FlowModel model;
    private final TokenLayer tokens = new TokenLayer();
    private final VBox content = new VBox(7);
    private final VBox handler = new VBox(2);
    private final VBox store = new VBox(2);
    private final Label storeHead = new Label();
    private final Label reason = new Label();
    private final VBox lanes = new VBox(7);
    private final Region channel = new Region();
    private final HBox pipeline;
    private final Map<String, LaneView> laneViews = new LinkedHashMap<>();
    private final AddProjectionButtons addProjections;
    private final SequentialTransition reasonFade;

    public FlowView(FlowModel model) {
        this.model = model;
        getStyleClass().add("flow-view");
        getStylesheets().add(FlowView.class.getResource("/io/cqrsflow/ui/flow/flow.css").toExternalForm());

        FlowPane legend = new FlowPane(8, 2);
        legend.getStyleClass().add("legend");
        for (String type : Palette.EVENT_ORDER) {
            Rectangle swatch = new Rectangle(11, 11, Palette.event(type));
            swatch.setArcWidth(4);
            swatch.setArcHeight(4);
            Label l = new Label(type, swatch);
            l.getStyleClass().add("legend-item");
            legend.getChildren().add(l);
        }
        Rectangle rejected = new Rectangle(11, 11, Color.web(Palette.REJECTED));
        Label r = new Label("rejected", rejected);
        r.setTooltip(new Tooltip("A rejected command bounces back from the handler, with the rule it breaks"));
        r.getStyleClass().add("legend-item");
        legend.getChildren().add(r);

        handler.getStyleClass().addAll("stage-box", "handler-box");
        Label handlerTitle = new Label("Command handler", new FontIcon(MaterialDesignC.COG_OUTLINE));
        handlerTitle.getStyleClass().add("stage-title");
        Label handlerNote = new Label("load stream · decide · append");
        handlerNote.getStyleClass().add("stage-note");
        handler.getChildren().addAll(handlerTitle, handlerNote);
        Tooltip.install(handler, new Tooltip("The write side: loads the command's stream from the event store,"
                + " decides with the domain's rules, and appends the new events with the expected version"));

        store.getStyleClass().addAll("stage-box", "store-box");
        Label storeTitle = new Label("Event store", new FontIcon(MaterialDesignD.DATABASE));
        storeTitle.getStyleClass().add("stage-title");
        storeHead.getStyleClass().add("stage-note");
        storeHead.setId("store-head");
        store.getChildren().addAll(storeTitle, storeHead);
        Tooltip.install(store, new Tooltip("events.db: the append-only log, the source of truth."
                + " Every read model is derived from it"));
        model.headProperty().addListener((o, a, b) -> showHead());
        showHead();

        Region arrow = new Region();
        arrow.getStyleClass().add("pipe");
        HBox.setHgrow(arrow, Priority.ALWAYS);
        HBox pipeline = new HBox(0, handler, arrow, store);
        pipeline.setAlignment(Pos.CENTER);
        // never cut: the window keeps the flow column at least as wide as its pipeline (neededWidth)
        handler.setMinWidth(Region.USE_PREF_SIZE);
        store.setMinWidth(Region.USE_PREF_SIZE);
        this.pipeline = pipeline;
        HBox.setHgrow(handler, Priority.SOMETIMES);
        content.setMinWidth(0);
        lanes.setMinWidth(0);

        reason.getStyleClass().add("bounce-reason");
        reason.setId("bounce-reason");
        reason.setWrapText(true); // a long rule wraps onto a second line rather than being cut
        reason.setOpacity(0);
        reason.setMaxWidth(Double.MAX_VALUE);
        FadeTransition in = new FadeTransition(Duration.millis(150), reason);
        in.setToValue(1);
        FadeTransition out = new FadeTransition(Duration.millis(600), reason);
        out.setToValue(0);
        reasonFade = new SequentialTransition(in, new PauseTransition(Duration.seconds(5)), out);

        Label lanesTitle = new Label("Projectors · one lane each, own delay");
        lanesTitle.getStyleClass().add("subheading");
        lanesTitle.setWrapText(true);

        addProjections = new AddProjectionButtons(model);

        StackPane lanesHeading = new StackPane(lanesTitle, reason);
        lanesHeading.setMinWidth(0);
        // the reason takes the heading's width (wrapping), not its own: the heading is as wide as its title
        reason.setPrefWidth(0);
        reason.setMinWidth(0);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        lanesTitle.setMinWidth(Region.USE_PREF_SIZE);
        // the buttons sit on the lanes' heading row: no extra row, and next to the lanes they add to
        // the add buttons go under the heading when the column is too narrow for both on one row
        FlowPane lanesHeader = new FlowPane(16, 4, lanesHeading, addProjections);
        lanesHeader.setRowValignment(javafx.geometry.VPos.CENTER);
        lanesHeader.setMinHeight(Region.USE_PREF_SIZE);

        StackPane.setAlignment(lanesTitle, Pos.CENTER_LEFT);
        StackPane.setAlignment(reason, Pos.CENTER_LEFT);
        reason.setMouseTransparent(true);
        lanesTitle.opacityProperty().bind(reason.opacityProperty().multiply(-1).add(1));
        // Tokens have a track of their own, where they cover no control: the gutter left of everything (a
        // command comes in there, and the events go down it to each lane) and the channel under the pipeline
        // (from the event store across to the gutter).
        channel.getStyleClass().add("token-channel");
        channel.setMouseTransparent(true);
        content.getChildren().addAll(legend, pipeline, channel, lanesHeader, lanes);
        content.getStyleClass().add("flow-content");
        getChildren().addAll(content, tokens);

        model.statuses().addListener((MapChangeListener<String, ProjectorStatus>) c -> {
            if (c.wasAdded()) {
                LaneView lane = laneViews.get(c.getKey());
                if (lane == null) {
                    addLane(c.getKey());
                } else {
                    lane.show(c.getValueAdded());
                }
            }
        });
        for (String name : model.statuses().keySet()) {
            addLane(name);
        }
        model.onSignal(this::signal);
        model.onFrame(this::frame);
    }

    private void showHead() {
        storeHead.setText("events.db · head #" + model.headProperty().get());
    }

    private void addLane(String name) {
        if (laneViews.containsKey(name)) {
            return;
        }
        LaneView lane = new LaneView(model, name, laneViews.size() + 1);
        laneViews.put(name, lane);
        lanes.getChildren().add(lane);
        addProjections.showRunning(laneViews.keySet());
    }

    /** Starts that read model's projector (one added at runtime) off the FX thread. */
    public void addProjection(String name) {
        addProjections.add(name);
    }

    /** Ctrl+Shift+A: adds the first read model, in registry order, that is not running yet. */
    public void addNextProjection() {
        addProjections.addNext();
    }

    /** The old name of {@link #addNextProjection}, still bound to Ctrl+Shift+A in MainView. */
    public void addSalesProjection() {
        addNextProjection();
    }

    /** "Add projection …" menu items, one per read model added at runtime. */
    public List<MenuItem> addProjectionItems() {
        return addProjections.menuItems();
    }

    public List<LaneView> lanes() {
        return new ArrayList<>(laneViews.values());
    }

    /** The n-th lane (1-based), or null. */
    public LaneView lane(int number) {
        List<LaneView> all = lanes();
        return number >= 1 && number <= all.size() ? all.get(number - 1) : null;
    }

    public void togglePause(int lane) {
        LaneView l = lane(lane);
        if (l != null) {
            l.togglePause();
        }
    }

    public void step(int lane) {
        LaneView l = lane(lane);
        if (l != null) {
            l.step();
        }
    }

    public void rebuild(int lane) {
        LaneView l = lane(lane);
        if (l != null) {
            l.rebuild();
        }
    }

    // ---- animation

    private long duration() {
        return (long) (BASE_FLIGHT_NANOS / Math.max(0.1, model.speedProperty().get()));
    }

    private void signal(FlowSignal s) {
        long now = System.nanoTime();
        if (s instanceof FlowSignal.CommandHandled handled) {
            CommandResult result = handled.result();
            if (result instanceof CommandResult.Accepted accepted) {
                List<RecordedEvent> events = accepted.events();
                String type = events.isEmpty() ? null : events.get(events.size() - 1).type();
                Color color = type == null ? Color.web(Palette.UNKNOWN) : Palette.event(type);
                tokens.flight("command").from(this::commandStart).to(() -> at(handler, 0, 0.5))
                        .color(Color.web(Palette.UNKNOWN)).startingAt(now).lasting(duration() / 2)
                        .onArrival(n -> tokens.flight("append").from(() -> at(handler, 1, 0.5))
                                .to(() -> at(store, 0, 0.5)).color(color).lasting(duration())
                                .carrying(n * Math.max(1, events.size()))
                                .onArrival(m -> fanOut(color, m))
                                .launch())
                        .launch();
            } else {
                String why = result instanceof CommandResult.Rejected rejected
                        ? "✗ " + result.command().command().type() + " rejected — " + rejected.message()
                        + " (rule " + rejected.rule() + ")"
                        : conflict((CommandResult.Conflict) result);
                Color color = result instanceof CommandResult.Rejected ? Color.web(Palette.REJECTED)
                        : Color.web("#e8a200");
                tokens.flight("bounce").from(this::commandStart).to(() -> at(handler, 0, 0.5)).color(color)
                        .startingAt(now).lasting(duration() * 2).bouncing().launch();
                showReason(why, result instanceof CommandResult.Rejected);
            }
        } else if (s instanceof FlowSignal.EventsApplied applied) {
            LaneView lane = laneViews.get(applied.projector());
            if (lane != null) {
                // A lesson's few events fly one by one; a catch-up's batch flies as one token standing for all.
                List<RecordedEvent> each = applied.events().size() <= TOKENS_PER_BATCH ? applied.events()
                        : List.of(applied.last());
                int carried = each.size() == 1 ? applied.events().size() : 1;
                for (RecordedEvent e : each) {
                    tokens.flight("apply:" + applied.projector()).from(() -> lanePoint(lane, lane.track().gate()))
                            .to(() -> lanePoint(lane, lane.track().exit())).color(Palette.event(e.type()))
                            .startingAt(now).lasting(duration() / 2).carrying(carried).launch();
                }
            }
        }
    }

    /** From the event store down into the channel, across to the gutter, down it to the lane, into its track. */
    private void fanOut(Color color, int count) {
        for (LaneView lane : laneViews.values()) {
            tokens.flight("fan:" + lane.projectorName()).from(() -> at(store, 0.5, 1))
                    .via(() -> inChannel(at(store, 0.5, 1)))
                    .via(() -> inGutter(inChannel(at(store, 0.5, 1))))
                    .via(() -> inGutter(lanePoint(lane, lane.track().entry())))
                    .to(() -> lanePoint(lane, lane.track().entry())).color(color).lasting(duration())
                    .carrying(count).launch();
        }
    }

    /** The same x, in the middle of the channel under the pipeline. */
    private Point2D inChannel(Point2D p) {
        Point2D c = at(channel, 0, 0.5);
        return p == null || c == null ? null : new Point2D(p.getX(), c.getY());
    }

    /** The same y, in the middle of the gutter left of the flow. */
    private Point2D inGutter(Point2D p) {
        return p == null ? null : new Point2D(gutterX(), p.getY());
    }

    private double gutterX() {
        return content.snappedLeftInset() / 2;
    }

    /** Short enough for the bar above the lanes; the result log has the whole message. */
    private static String conflict(CommandResult.Conflict c) {
        return "⚠ conflict — " + c.streamId() + " is at version " + c.actualVersion() + ", you decided on "
                + c.expectedVersion();
    }

    private void showReason(String text, boolean rejected) {
        reason.setText(text);
        reason.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("conflict"), !rejected);
        reasonFade.playFromStart();
    }

    private void frame() {
        tokens.tick(System.nanoTime());
        for (LaneView lane : laneViews.values()) {
            lane.tick();
        }
    }

    /** A command comes in along the gutter, level with the handler. */
    private Point2D commandStart() {
        Point2D p = at(handler, 0, 0.5);
        return p == null ? null : new Point2D(gutterX(), p.getY());
    }

    /** A point on a node's bounds (fractions of its width and height), in the token layer's coordinates. */
    private Point2D at(Node node, double fx, double fy) {
        if (node.getScene() == null) {
            return null;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        Point2D p = new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
        return tokens.sceneToLocal(p);
    }

    private Point2D lanePoint(LaneView lane, Point2D inTrack) {
        if (lane.getScene() == null) {
            return null;
        }
        return tokens.sceneToLocal(lane.track().localToScene(inTrack));
    }

    /** Tokens moving right now (for tests: a burst stays bounded). */
    public int tokensInFlight() {
        return tokens.inFlight();
    }

    /** The least width the flow needs: its pipeline whole, beside the tokens' gutter. */
    public double neededWidth() {
        return Math.ceil(content.snappedLeftInset() + content.snappedRightInset() + pipeline.minWidth(-1));
    }

    /** Where the tokens in the air were drawn last, in scene coordinates (for tests: they cover no control). */
    public List<Bounds> tokensDrawn() {
        List<Bounds> all = new ArrayList<>();
        for (Bounds b : tokens.drawnAt()) {
            all.add(tokens.localToScene(b));
        }
        return all;
    }

    /** The message shown when the last command bounced back. */
    public Label bounceReason() {
        return reason;
    }

}
