package io.cqrsflow.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.cqrsflow.crud.CrudAnswer;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PlainText;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.scenario.CommandStep;
import io.cqrsflow.scenario.QueryStep;
import io.cqrsflow.eventstore.MoneyJson;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QueryAnswer;
import io.cqrsflow.scenario.ScenarioPlayer;
import io.cqrsflow.scenario.ScenarioStep;
import io.cqrsflow.scenario.Check;
import io.cqrsflow.scenario.QuestionStep;
import io.cqrsflow.scenario.StepOutcome;
import io.cqrsflow.write.CommandResult;

import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The headless runner's trace: one line per thing that happened — readable text, or with {@code --json}
 * one JSON object per line. Signals come from several threads; printing is serialized.
 *
 * <p>Longer than 300 lines on purpose: each kind of line is written once as text and once as JSON, side by
 * side, so the two forms cannot drift. To split next: the lesson checks (expect, question) into their own
 * printer.
 */
final class Trace implements Consumer<FlowSignal>, ScenarioPlayer.Listener {
    private static final ObjectMapper JSON = MoneyJson.mapper();

    static {
        JSON.registerModule(new SimpleModule()
                .addSerializer(Instant.class, ToStringSerializer.instance)
                // "pending", as read.db and the window say it, not the enum's name
                .addSerializer(OrderStatus.class, new com.fasterxml.jackson.databind.JsonSerializer<OrderStatus>() {
                    @Override
                    public void serialize(OrderStatus value, com.fasterxml.jackson.core.JsonGenerator gen,
                                          com.fasterxml.jackson.databind.SerializerProvider serializers)
                            throws java.io.IOException {
                        gen.writeString(value.label());
                    }
                }));
    }

    /**
     * How applied events are traced. AUTO: a line per event while a projector applies a few at a time (a
     * lesson), a progress line a second while it catches up in big batches; EVENTS: always a line per
     * event; PROGRESS: only progress lines.
     */
    enum Detail { AUTO, EVENTS, PROGRESS }

    /** In AUTO, batches up to this size are traced event by event. */
    static final int EVENT_LINES_UP_TO = 100;

    private final PrintStream out;
    private final boolean json;
    private final Detail detail;
    private final CatchUpProgress progress;
    /** When the last progress line went out; the wait's "catching up" line stays quiet for 3 s after one. */
    private volatile long lastProgressNanos = System.nanoTime() - PROGRESS_QUIET_NANOS;
    private static final long PROGRESS_QUIET_NANOS = 3_000_000_000L;
    private final long startNanos;
    private final Map<String, ProjectorState> lastState = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger failedSteps = new java.util.concurrent.atomic.AtomicInteger();
    /** Expectations that did not hold and questions the live state disagreed with. */
    private final java.util.concurrent.atomic.AtomicInteger failedChecks = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> firstFailedCheck = new java.util.concurrent.atomic.AtomicReference<>();

    Trace(PrintStream out, boolean json, long startNanos) {
        this(out, json, startNanos, Detail.AUTO);
    }

    Trace(PrintStream out, boolean json, long startNanos, Detail detail) {
        this.out = out;
        this.json = json;
        this.startNanos = startNanos;
        this.detail = detail;
        this.progress = new CatchUpProgress(this::progress);
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void accept(FlowSignal signal) {
        if (signal instanceof FlowSignal.EventsApplied a) {
            boolean fewAtATime = a.events().size() <= EVENT_LINES_UP_TO && !progress.catchingUp(a.projector());
            if (detail == Detail.EVENTS || detail == Detail.AUTO && fewAtATime) {
                a.events().forEach(e -> applied(a, e));
            } else {
                progress.applied(a);
            }
        } else if (signal instanceof FlowSignal.CrudAnswered c) {
            crud(c.answer());
        } else if (signal instanceof FlowSignal.Notice n) {
            notice(n.message());
        } else if (signal instanceof FlowSignal.LagChanged l) {
            projectorState(l.status());
        }
    }

    /** "crud      PayOrder → rejected: cannot pay order o-1: …": the CRUD table's answer to the same command. */
    private void crud(CrudAnswer answer) {
        if (json) {
            ObjectNode n = node("crud");
            n.put("command", answer.command());
            n.put("result", answer.outcome().label());
            if (answer.rule() != null) {
                n.put("rule", answer.rule().name());
            }
            n.put("message", answer.message());
            print(n);
        } else {
            text("crud      " + answer.line());
        }
    }

    private void applied(FlowSignal.EventsApplied a, RecordedEvent e) {
        if (json) {
            ObjectNode n = node("applied");
            n.put("projector", a.projector());
            n.put("position", e.position());
            n.put("stream", e.streamId());
            n.put("type", e.type());
            n.put("lagMs", a.lagMs(e));
            print(n);
        } else {
            text(String.format("applied   %-17s #%d %s (%s v%d), lag %d ms", a.projector(), e.position(), e.type(),
                    e.streamId(), e.streamVersion(), a.lagMs(e)));
        }
    }

    /** "progress order-list 120000 / 1000001 (12 %), 52000 events/s, about 17 s left" — at most once a second. */
    void progress(CatchUpProgress.Line p) {
        lastProgressNanos = System.nanoTime();
        if (json) {
            ObjectNode n = node("progress");
            n.put("projector", p.projector());
            n.put("checkpoint", p.checkpoint());
            n.put("head", p.head());
            n.put("eventsPerSecond", p.eventsPerSecond());
            n.put("secondsLeft", p.secondsLeft());
            print(n);
        } else {
            text(String.format("progress  %-17s %s", p.projector(), p.words()));
        }
    }

    /**
     * "start     catching up to position 1000001: order-list from 0, order-detail from 0" — when the projectors
     * start (at open, or once events.db's check released them); printed only if one of them is behind.
     */
    void started(long head, Map<String, Long> from) {
        if (from.values().stream().allMatch(checkpoint -> checkpoint >= head)) {
            return;
        }
        if (json) {
            ObjectNode n = node("start");
            n.put("head", head);
            ObjectNode c = n.putObject("checkpoints");
            from.forEach(c::put);
            print(n);
        } else {
            StringBuilder b = new StringBuilder("start     catching up to position " + head + ":");
            String comma = "";
            for (Map.Entry<String, Long> e : from.entrySet()) {
                b.append(comma).append(' ').append(e.getKey()).append(" from ").append(e.getValue());
                comma = ",";
            }
            text(b.toString());
        }
    }

    /**
     * Once caught up and every signal heard: a progress line for each projector that caught up in this run
     * (started below the head) and that no batch's line has said so for — it started before this trace
     * subscribed. Lines per event ({@code --trace events}) cannot be made up after the fact.
     */
    void caughtUpUnheard(Map<String, Long> from, Map<String, Long> checkpoints, long head) {
        if (detail == Detail.EVENTS) {
            return;
        }
        from.forEach((name, start) -> {
            Long at = checkpoints.get(name);
            if (start < head && at != null && at >= head) {
                progress.caughtUpUnheard(name, at);
            }
        });
    }

    void notice(String message) {
        if (json) {
            ObjectNode n = node("notice");
            n.put("message", message);
            print(n);
        } else {
            text("notice    " + message);
        }
    }

    /** Prints a projector line only when its state changes (paused, rebuilding, caught up, failed). */
    private void projectorState(ProjectorStatus s) {
        synchronized (lastState) {
            ProjectorState previous = lastState.put(s.name(), s.state());
            if (previous == s.state()) {
                return;
            }
            boolean quietStart = previous == null && s.state() == ProjectorState.CAUGHT_UP;
            if (quietStart || s.state() == ProjectorState.RUNNING) {
                return;
            }
        }
        if (json) {
            ObjectNode n = node("projector");
            n.put("projector", s.name());
            n.put("state", s.state().label());
            n.put("checkpoint", s.checkpoint());
            n.put("head", s.head());
            n.put("delayMs", s.delayMs());
            if (s.problem() != null) {
                n.put("problem", s.problem());
            }
            print(n);
        } else {
            text(String.format("projector %-17s %s at checkpoint %d of %d%s", s.name(), s.state().label(),
                    s.checkpoint(), s.head(), s.problem() == null ? "" : ": " + s.problem()));
        }
    }

    @Override
    public void played(ScenarioStep step, long elapsedMs, StepOutcome outcome) {
        if (step instanceof CommandStep c && outcome instanceof StepOutcome.CommandOutcome co) {
            command(c, co.result());
        } else if (step instanceof QueryStep q && outcome instanceof StepOutcome.QueryOutcome qo) {
            query(q, qo.answer());
        } else if (outcome instanceof StepOutcome.Expectation e) {
            expectation(step, e.verdict());
        } else if (outcome instanceof StepOutcome.Answered a) {
            answered(a);
        } else if (outcome instanceof StepOutcome.LoadRan l) {
            load(step, l.report());
        } else if (outcome instanceof StepOutcome.Failed f) {
            failedSteps.incrementAndGet();
            if (json) {
                ObjectNode n = node(step.kind());
                n.put("step", step.number());
                n.put("failed", f.message());
                print(n);
            } else {
                text(String.format("step %-4d %s failed: %s", step.number(), step.kind(), f.message()));
            }
        } else if (outcome instanceof StepOutcome.Done d) {
            if (json) {
                ObjectNode n = node(step.kind());
                n.put("step", step.number());
                n.put("atMs", step.atMs());
                n.put(step.kind().equals("note") ? "text" : "done", d.text());
                print(n);
            } else {
                text(String.format("%-9s %s", step.kind().equals("note") ? "note" : step.kind(),
                        step.kind().equals("note") ? "\"" + d.text() + "\"" : d.text()));
            }
        }
    }

    /** What a load step sent, the rate it achieved and how the commands came out. */
    private void load(ScenarioStep step, io.cqrsflow.load.LoadReport r) {
        if (json) {
            ObjectNode n = node("load");
            n.put("step", step.number());
            n.put("commandsPerSecond", r.commandsPerSecond());
            n.put("achievedPerSecond", Math.round(r.achievedPerSecond() * 10) / 10.0);
            n.put("sent", r.sent());
            n.put("answered", r.answered());
            n.put("accepted", r.accepted());
            n.put("rejected", r.rejected());
            n.put("conflicts", r.conflicts());
            n.put("failed", r.failed());
            n.put("late", r.late());
            n.put("elapsedMs", r.elapsedMs());
            print(n);
        } else {
            text(String.format("step %-4d load: %s", step.number(), r.line()));
        }
    }

    /** "expect    step 7: order-list o-1 status is "pending" ✓", or a failure line naming what was found. */
    private void expectation(ScenarioStep step, Check.Verdict v) {
        if (!v.held()) {
            checkFailed("step " + step.number() + " (expect): " + v.line());
        }
        if (json) {
            ObjectNode n = node("expect");
            n.put("step", step.number());
            n.put("expected", v.expected());
            n.put("found", v.found());
            n.put("held", v.held());
            print(n);
        } else if (v.held()) {
            text(String.format("expect    step %d: %s ✓", step.number(), v.expected()));
        } else {
            text(String.format("step %-4d expect failed: %s", step.number(), v.line()));
        }
    }

    /** The question, the answer the live state gives, and whether it agreed with the lesson's. */
    private void answered(StepOutcome.Answered a) {
        QuestionStep q = a.question();
        StringBuilder meant = new StringBuilder();
        for (QuestionStep.Choice c : q.choices()) {
            if (c.right()) {
                meant.append(meant.length() == 0 ? "" : " / ").append(c.answer());
            }
        }
        if (!a.agreed()) {
            checkFailed("step " + q.number() + " (question): the lesson's answer is \"" + meant
                    + "\", the live state says \"" + a.rightAnswers() + "\"");
        }
        if (json) {
            ObjectNode n = node("question");
            n.put("step", q.number());
            n.put("ask", q.ask());
            n.put("answer", meant.toString());
            n.put("liveState", a.rightAnswers());
            n.put("agreed", a.agreed());
            print(n);
        } else {
            text("question  \"" + q.ask() + "\"",
                    "            answer: " + meant + (q.why().isEmpty() ? "" : " — " + q.why()),
                    "            live state " + (a.agreed() ? "agrees ✓" : "disagrees: it says " + a.rightAnswers()));
            if (!a.agreed()) {
                text(String.format("step %-4d question failed: the lesson says \"%s\", the live state says \"%s\"",
                        q.number(), meant, a.rightAnswers()));
            }
        }
    }

    private void command(CommandStep step, CommandResult result) {
        if (json) {
            ObjectNode n = node("command");
            n.put("step", step.number());
            n.put("atMs", step.atMs());
            ObjectNode command = n.putObject("command");
            command.put("type", step.command().type());
            command.setAll((ObjectNode) JSON.valueToTree(step.command()));
            if (result instanceof CommandResult.Accepted a) {
                n.put("result", "accepted");
                ArrayNode positions = n.putArray("positions");
                ArrayNode events = n.putArray("events");
                for (RecordedEvent e : a.events()) {
                    positions.add(e.position());
                    events.add(e.type());
                }
            } else if (result instanceof CommandResult.Rejected r) {
                n.put("result", "rejected");
                n.put("rule", r.rule().name());
                n.put("message", r.message());
            } else if (result instanceof CommandResult.Conflict c) {
                n.put("result", "conflict");
                n.put("stream", c.streamId());
                n.put("expectedVersion", c.expectedVersion());
                n.put("actualVersion", c.actualVersion());
                n.put("message", c.message());
            }
            print(n);
            return;
        }
        String what = Describe.command(step.command());
        if (result instanceof CommandResult.Accepted a) {
            StringBuilder events = new StringBuilder();
            for (RecordedEvent e : a.events()) {
                events.append(events.length() == 0 ? "" : ", ").append('#').append(e.position()).append(' ')
                        .append(e.type()).append(" (").append(e.streamId()).append(" v").append(e.streamVersion()).append(')');
            }
            text(String.format("step %-4d %s", step.number(), what), "          accepted -> " + events);
        } else if (result instanceof CommandResult.Rejected r) {
            text(String.format("step %-4d %s", step.number(), what),
                    String.format("          REJECTED (%s): %s", r.rule(), r.message()));
        } else if (result instanceof CommandResult.Conflict c) {
            text(String.format("step %-4d %s", step.number(), what), "          CONFLICT: " + c.message());
        }
    }

    private void query(QueryStep q, QueryAnswer<?> answer) {
        Object value = answer.value() instanceof Optional<?> o ? o.orElse(null) : answer.value();
        String orderId = q.query() instanceof Query.GetOrderById byId ? byId.orderId() : null;
        String customerId = q.query() instanceof Query.GetOrdersForCustomer forCustomer ? forCustomer.customerId() : null;
        String subject = orderId != null ? " " + orderId : customerId != null ? " " + customerId : "";
        if (json) {
            ObjectNode n = node("query");
            n.put("step", q.number());
            n.put("atMs", q.atMs());
            n.put("type", q.query().wireName());
            if (orderId != null) {
                n.put("orderId", orderId);
            }
            if (customerId != null) {
                n.put("customerId", customerId);
            }
            n.put("from", q.from().wireName());
            n.set("result", JSON.valueToTree(value));
            print(n);
            return;
        }
        String shown;
        List<String> rows = new java.util.ArrayList<>();
        if (value == null) {
            shown = "nothing (not in the " + q.from().wireName() + " yet)";
        } else if (value instanceof List<?> list) {
            shown = list.size() + " order(s)";
            for (Object row : list) {
                if (row instanceof io.cqrsflow.read.OrderSummary s) {
                    rows.add("            " + s.orderId() + "  " + s.customerName() + "  " + s.total() + "  "
                            + s.status().label());
                }
            }
        } else if (value instanceof io.cqrsflow.read.OrderDetails d) {
            shown = d.orderId() + " for " + d.customerName() + ", " + d.total() + ", " + d.status().label()
                    + (d.cancelReason() != null ? " (\"" + d.cancelReason() + "\")" : "");
        } else {
            shown = String.valueOf(value);
        }
        text(String.format("step %-4d query %s%s from %s -> %s", q.number(), q.query().wireName(), subject,
                q.from().wireName(), shown), rows.toArray(new String[0]));
    }

    /** Steps that could not be carried out (a store that could not be written, a projector not running). */
    private void checkFailed(String line) {
        failedChecks.incrementAndGet();
        firstFailedCheck.compareAndSet(null, line);
    }

    int failedChecks() {
        return failedChecks.get();
    }

    /** The first expectation or question that failed, in one line; null when none did. */
    String firstFailedCheck() {
        return firstFailedCheck.get();
    }

    int failedSteps() {
        return failedSteps.get();
    }

    void summary(long head, Map<String, Long> checkpoints, int staleRows) {
        if (json) {
            ObjectNode n = node("summary");
            n.put("head", head);
            ObjectNode c = n.putObject("checkpoints");
            checkpoints.forEach(c::put);
            n.put("staleRows", staleRows);
            print(n);
        } else {
            StringBuilder b = new StringBuilder("done      head at position " + head + "; checkpoints:");
            checkpoints.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            b.append("; stale rows: ").append(staleRows);
            text(b.toString());
        }
    }

    /**
     * A long catch-up or rebuild: where each projector stands, its pace and the time left. Left out while
     * the per-projector progress lines are coming (they say the same, a line a second); printed when they
     * are not, as in a paced rebuild that applies a few events at a time.
     */
    void catchingUp(io.cqrsflow.flow.CatchUpWatch.Behind behind) {
        if (System.nanoTime() - lastProgressNanos < PROGRESS_QUIET_NANOS) {
            return;
        }
        if (json) {
            ObjectNode n = node("catchingUp");
            ArrayNode projectors = n.putArray("projectors");
            for (io.cqrsflow.flow.CatchUpWatch.Behind.Line l : behind.projectors()) {
                ObjectNode p = projectors.addObject();
                p.put("projector", l.projector());
                p.put("checkpoint", l.checkpoint());
                p.put("target", l.target());
                p.put("eventsPerSecond", Math.round(l.eventsPerSecond()));
                p.put("msLeft", l.msLeft());
            }
            n.put("msLeft", behind.msLeft());
            print(n);
        } else {
            text("catching up: " + behind.message());
        }
    }

    private ObjectNode node(String kind) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind);
        n.put("elapsedMs", elapsedMs());
        return n;
    }

    private synchronized void print(JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prints one entry: its first line after the time, each further line as given. Every line is escaped
     * whole, so nothing a scenario or a store holds (an ESC sequence, a CR, U+202E in a name) can
     * clear, overwrite or reverse the learner's terminal.
     */
    private synchronized void text(String first, String... more) {
        out.printf("%8.3f s  %s%n", elapsedMs() / 1000.0, PlainText.escaped(first));
        for (String line : more) {
            out.println(PlainText.escaped(line));
        }
    }
}
