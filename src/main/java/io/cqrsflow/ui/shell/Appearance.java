package io.cqrsflow.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;

/**
 * How the window looks: presenter mode and the dark theme, as style classes on its root ({@code presenter},
 * {@code dark}). The stylesheets do the rest — a larger root font that every em size follows, darker
 * colours — and views that draw their own text take the font and colours CSS gives them. Only AtlantaFX's
 * theme is not CSS of ours: it is the application's user-agent stylesheet.
 */
public final class Appearance {
    public static final String PRESENTER = "presenter";
    public static final String DARK = "dark";
    private static final Theme LIGHT_THEME = new PrimerLight();
    private static final Theme DARK_THEME = new PrimerDark();

    private final Node root;
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public Appearance(Node root) {
        this.root = root;
        presenter.addListener((o, a, b) -> styleClass(PRESENTER, b));
        dark.addListener((o, a, b) -> applyTheme());
        applyTheme();
    }

    /** Presenter mode: every font larger, for the back of a room. */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void togglePresenter() {
        presenter.set(!presenter.get());
    }

    public void toggleDark() {
        dark.set(!dark.get());
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet((dark.get() ? DARK_THEME : LIGHT_THEME).getUserAgentStylesheet());
        styleClass(DARK, dark.get());
    }

    private void styleClass(String name, boolean on) {
        root.getStyleClass().remove(name);
        if (on) {
            root.getStyleClass().add(name);
        }
    }
}
