package io.cqrsflow.app;

/** Bad input from the user: printed as one line, exit code 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
