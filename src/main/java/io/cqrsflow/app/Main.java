package io.cqrsflow.app;

/** Entry point for the runnable jar and {@code javafx:run}. Does not extend Application on purpose. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("CQRS Flow");
    }
}
