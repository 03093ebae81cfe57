package io.cqrsflow.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where the app keeps its data by default: the per-user application-data folder of each system. */
public final class AppPaths {
    private AppPaths() {
    }

    public static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "CQRS Flow");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "CQRS Flow");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "cqrs-flow") : Path.of(home, ".local", "share", "cqrs-flow");
    }
}
