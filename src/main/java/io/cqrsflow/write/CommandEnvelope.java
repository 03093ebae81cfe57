package io.cqrsflow.write;

import io.cqrsflow.domain.Command;

import java.util.OptionalLong;

/**
 * A command as submitted: with its id, the conversation it belongs to, what caused it, and optionally
 * the stream version the user saw when they decided (for optimistic concurrency).
 */
public record CommandEnvelope(String commandId, String correlationId, String causationId, Command command,
                              OptionalLong expectedVersion) {

    public static CommandEnvelope of(String commandId, Command command) {
        return new CommandEnvelope(commandId, commandId, commandId, command, OptionalLong.empty());
    }

    public CommandEnvelope expecting(long version) {
        return new CommandEnvelope(commandId, correlationId, causationId, command, OptionalLong.of(version));
    }
}
