package io.cqrsflow.ui.shell;

import io.cqrsflow.ui.command.CommandPane;
import io.cqrsflow.ui.flow.FlowView;
import io.cqrsflow.ui.help.HelpOverlay;
import io.cqrsflow.ui.query.QueryBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

import static io.cqrsflow.ui.shell.Shortcuts.key;
import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

/** Which key does what in the window: the one table behind both its accelerators and its F1 help. */
public final class WindowShortcuts {
    /** Also shown beside "Export PNG…" in the toolbar's menu. */
    public static final KeyCombination EXPORT_PNG = key(KeyCode.E, SHORTCUT_DOWN);
    public static final KeyCombination QUIT = key(KeyCode.Q, SHORTCUT_DOWN);
    /** Also shown beside "Record a lesson / stop" in the toolbar's menu. */
    public static final KeyCombination RECORD = key(KeyCode.R, SHORTCUT_DOWN);
    public static final KeyCombination LOAD = key(KeyCode.G, SHORTCUT_DOWN, SHIFT_DOWN);
    public static final KeyCombination FRAME_METER = key(KeyCode.F, SHORTCUT_DOWN, SHIFT_DOWN);
    private static final KeyCode[] DIGIT = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5};

    private WindowShortcuts() {
    }

    /** The rows in the order the help lists them; the keys' text is what a learner reads, Ctrl for ⌘ too. */
    public static Shortcuts table(CommandPane commands, QueryBox queries, FlowView flow, MainToolbar toolbar,
                                  Appearance appearance, HelpOverlay help) {
        return Shortcuts.builder()
                .row("F1", "this help (Esc closes it)")
                .on(key(KeyCode.F1), help::toggle).on(key(KeyCode.ESCAPE), help::hide)
                .row("Ctrl+1 … Ctrl+5", "Register · Place · Pay · Ship · Cancel form")
                .onEach(5, i -> key(DIGIT[i], SHORTCUT_DOWN), commands::showForm)
                .row("Ctrl+Enter", "send the command").on(key(KeyCode.ENTER, SHORTCUT_DOWN), commands::submit)
                .row("Ctrl+B", "burst: place " + CommandPane.BURST + " orders at once")
                .on(key(KeyCode.B, SHORTCUT_DOWN), commands::burst)
                .row("Ctrl+L", "ask the query").on(key(KeyCode.L, SHORTCUT_DOWN), queries::ask)
                .row("Alt+1 / 2 / 3", "pause or resume lane 1 / 2 / 3")
                .onEach(3, i -> key(DIGIT[i], ALT_DOWN), i -> flow.togglePause(i + 1))
                .row("Ctrl+Shift+1 / 2 / 3", "step lane 1 / 2 / 3 (while paused)")
                .onEach(3, i -> key(DIGIT[i], SHORTCUT_DOWN, SHIFT_DOWN), i -> flow.step(i + 1))
                .row("Ctrl+Alt+1 / 2 / 3", "rebuild lane 1 / 2 / 3")
                .onEach(3, i -> key(DIGIT[i], SHORTCUT_DOWN, ALT_DOWN), i -> flow.rebuild(i + 1))
                .row("Tab, ← →", "focus a delay slider, move it by 0.5 s").handledByControls()
                .row("Ctrl+Shift+A", "add the next read model (from history)")
                .on(key(KeyCode.A, SHORTCUT_DOWN, SHIFT_DOWN), flow::addSalesProjection)
                .row("F5 / F6 / F7", "scenario: play / pause / next step")
                .on(key(KeyCode.F5), toolbar::playScenario).on(key(KeyCode.F6), toolbar::pauseScenario)
                .on(key(KeyCode.F7), toolbar::stepScenario)
                // Ctrl+= too: on most keyboards + is the shifted = key
                .row("Ctrl+Plus / Minus", "faster / slower animation")
                .on(key(KeyCode.PLUS, SHORTCUT_DOWN), () -> toolbar.stepSpeed(1))
                .on(key(KeyCode.EQUALS, SHORTCUT_DOWN), () -> toolbar.stepSpeed(1))
                .on(key(KeyCode.MINUS, SHORTCUT_DOWN), () -> toolbar.stepSpeed(-1))
                .row("Ctrl+Shift+P", "presenter mode")
                .on(key(KeyCode.P, SHORTCUT_DOWN, SHIFT_DOWN), appearance::togglePresenter)
                .row("Ctrl+Shift+D", "light / dark")
                .on(key(KeyCode.D, SHORTCUT_DOWN, SHIFT_DOWN), appearance::toggleDark)
                .row("Ctrl+Shift+G", "load generator (rate, start / stop)").on(LOAD, toolbar::toggleLoad)
                .row("Ctrl+Shift+F", "frame meter (p50 / p99 / max of the last 5 s)")
                .on(FRAME_METER, toolbar::toggleFrameMeter)
                .row("Ctrl+E", "export the window as PNG").on(EXPORT_PNG, toolbar::exportPng)
                .row("Ctrl+R", "record a lesson: start / stop (notes: type, Enter)").on(RECORD, toolbar::record)
                .row("Ctrl+Q", "quit").on(QUIT, toolbar::quit)
                .build();
    }
}
