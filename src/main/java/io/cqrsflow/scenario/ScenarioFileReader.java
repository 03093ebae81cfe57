package io.cqrsflow.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
 * Reads a scenario file's text without ever waiting or filling memory: a folder, a device such as
 * /dev/zero, a named pipe or a socket (or a link to one) is refused by its type before it is opened — a
 * pipe would block the read forever — and a file is read only up to {@link ScenarioFileLimits#MAX_FILE_BYTES}.
 */
final class ScenarioFileReader {
    private ScenarioFileReader() {
    }

    static String read(String source, Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class); // follows links
            if (attributes.isDirectory()) {
                throw ScenarioException.aboutFile(source, "cannot read the file: it is a folder", null);
            }
            if (!attributes.isRegularFile()) {
                throw ScenarioException.aboutFile(source, "cannot read the file: it is not a regular file"
                        + " (a device, a named pipe or a socket); save the scenario as a .json file", null);
            }
            if (attributes.size() > ScenarioFileLimits.MAX_FILE_BYTES) {
                throw tooLarge(source, attributes.size());
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) ScenarioFileLimits.MAX_FILE_BYTES + 1);
            }
            if (bytes.length > ScenarioFileLimits.MAX_FILE_BYTES) {
                throw tooLarge(source, bytes.length); // it grew while we looked, or its size was not its length
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // editors on Windows add a BOM
        } catch (NoSuchFileException e) {
            throw ScenarioException.aboutFile(source, "cannot read the file: it does not exist", e);
        } catch (AccessDeniedException e) {
            throw ScenarioException.aboutFile(source, "cannot read the file: permission denied", e);
        } catch (CharacterCodingException e) {
            throw ScenarioException.aboutFile(source, "cannot read the file: it is not UTF-8 text", e);
        } catch (IOException e) {
            throw ScenarioException.aboutFile(source, "cannot read the file: " + reason(e), e);
        }
    }

    private static ScenarioException tooLarge(String source, long bytes) {
        String size = bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / (1024.0 * 1024)) : bytes + " bytes";
        return ScenarioException.aboutFile(source, "the file is " + (bytes > ScenarioFileLimits.MAX_FILE_BYTES
                ? "larger than " + ScenarioFileLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB (" + size + ")" : size)
                + "; a scenario may be at most " + ScenarioFileLimits.MAX_FILE_BYTES / (1024 * 1024)
                + " MB — split it into several lessons", null);
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException fileProblem && fileProblem.getReason() != null) {
            return fileProblem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
