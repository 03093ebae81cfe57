package io.cqrsflow.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A running hash of a prefix of the log: each event's identity (position, stream, version, type and data
 * as stored) chained onto the hash of everything before it. A read model stores the value at its checkpoint,
 * so the log it was built from can be recognised later — a fork or a rewritten event anywhere before the
 * checkpoint gives another value. {@code recorded_at} and metadata are left out: they are not what a read
 * model is made of. Not thread-safe; one per projector.
 */
public final class LogHash {

    /** The hash of the empty log: where every read model starts. */
    public static final String EMPTY = HexFormat.of().formatHex(new byte[32]);

    private final MessageDigest sha256;
    private final ByteBuffer numbers = ByteBuffer.allocate(16);
    private byte[] value;

    private LogHash(byte[] value) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        this.value = value;
    }

    /** Continues from a value {@link #value()} gave before (at some checkpoint). */
    public static LogHash from(String value) {
        return new LogHash(HexFormat.of().parseHex(value));
    }

    public LogHash add(RecordedEvent e) {
        return add(e.position(), e.streamId(), e.streamVersion(), e.type(), e.data());
    }

    public LogHash add(long position, String streamId, long streamVersion, String type, String data) {
        sha256.update(value);
        numbers.clear();
        numbers.putLong(position).putLong(streamVersion);
        sha256.update(numbers.array());
        sha256.update(streamId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(type.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(data.getBytes(StandardCharsets.UTF_8));
        value = sha256.digest();
        return this;
    }

    public String value() {
        return HexFormat.of().formatHex(value);
    }
}
