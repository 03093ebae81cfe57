package io.cqrsflow.scenario;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens a scenario file's text without ever waiting or filling memory: a folder, a device such as
 * /dev/zero, a named pipe or a socket (or a link to one) is refused by its type before it is opened — a
 * pipe would block the read forever — and a file is read only up to its mode's size
 * ({@link ScenarioFileLimits.Mode#maxFileBytes()}), as a stream: the text is never held whole.
 */
final class ScenarioFileReader {
    private ScenarioFileReader() {
    }

    /**
     * Opens a scenario file as text: checked to be a regular file of at most {@code mode}'s size, decoded
     * as strict UTF-8 while it is read, without a leading byte-order mark. A problem found later, while
     * the text is read, is put in words by {@link #failure}.
     */
    static Reader open(String source, Path file, ScenarioFileLimits.Mode mode) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class); // follows links
            if (attributes.isDirectory()) {
                throw ScenarioException.aboutFile(source, "cannot read the file: it is a folder", null);
            }
            if (!attributes.isRegularFile()) {
                throw ScenarioException.aboutFile(source, "cannot read the file: it is not a regular file"
                        + " (a device, a named pipe or a socket); save the scenario as a .json file", null);
            }
            if (attributes.size() > mode.maxFileBytes()) {
                throw tooLarge(source, attributes.size(), mode);
            }
            InputStream in = new Capped(Files.newInputStream(file), mode.maxFileBytes());
            Reader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
            try {
                text.mark(1);
                if (text.read() != '\uFEFF') { // editors on Windows add a BOM
                    text.reset();
                }
            } catch (IOException e) {
                text.close();
                throw e;
            }
            return text;
        } catch (IOException e) {
            throw failure(source, e, mode);
        }
    }

    /** A problem met while opening or reading the file, in one line. */
    static ScenarioException failure(String source, IOException e, ScenarioFileLimits.Mode mode) {
        if (e instanceof NoSuchFileException) {
            return ScenarioException.aboutFile(source, "cannot read the file: it does not exist", e);
        }
        if (e instanceof AccessDeniedException) {
            return ScenarioException.aboutFile(source, "cannot read the file: permission denied", e);
        }
        if (e instanceof CharacterCodingException) {
            return ScenarioException.aboutFile(source, "cannot read the file: it is not UTF-8 text", e);
        }
        if (e instanceof Capped.TooLarge tooLarge) {
            return tooLarge(source, tooLarge.bytes, mode); // it grew while we read, or its size was not its length
        }
        return ScenarioException.aboutFile(source, "cannot read the file: " + reason(e), e);
    }

    private static ScenarioException tooLarge(String source, long bytes, ScenarioFileLimits.Mode mode) {
        long most = mode.maxFileBytes();
        String size = bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / (1024.0 * 1024)) : bytes + " bytes";
        return ScenarioException.aboutFile(source, "the file is " + (bytes > most
                ? "larger than " + most / (1024 * 1024) + " MB (" + size + ")" : size)
                + "; a scenario may be at most " + most / (1024 * 1024) + " MB — split it into several "
                + (mode.streamed() ? "scenarios" : "lessons, or play it with --headless, which reads up to "
                + ScenarioFileLimits.MAX_STREAMED_FILE_BYTES / (1024 * 1024) + " MB as it plays"), null);
    }

    /** Reads at most {@code most} bytes; one more is a {@link TooLarge}. */
    private static final class Capped extends FilterInputStream {
        static final class TooLarge extends IOException {
            final long bytes;

            TooLarge(long bytes) {
                super("more than " + bytes + " bytes");
                this.bytes = bytes;
            }
        }

        private final long most;
        private long read;

        Capped(InputStream in, long most) {
            super(in);
            this.most = most;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = super.read(into, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > most) {
                throw new TooLarge(read);
            }
        }
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException fileProblem && fileProblem.getReason() != null) {
            return fileProblem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
