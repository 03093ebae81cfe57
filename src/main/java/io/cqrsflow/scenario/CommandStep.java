package io.cqrsflow.scenario;

import io.cqrsflow.domain.Command;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Submit a command. {@code expectedVersion}, when present, is the stream version the author of the
 * command saw when deciding: the write side refuses the command if the stream has moved on since.
 */
public record CommandStep(int number, long atMs, Command command, OptionalLong expectedVersion)
        implements ScenarioStep {

    public CommandStep {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    @Override
    public String kind() {
        return "command";
    }
}
