package io.cqrsflow.domain;

/**
 * User text made safe to print: rejection messages, error lines and the trace show names and ids as
 * written, except characters a terminal would obey instead of showing — an ESC sequence that clears the
 * screen, a carriage return that overwrites the line, U+202E that reverses it — which appear as
 * {@code \u001b}, {@code \u000d}, {@code \u202e}. An unpaired surrogate, not text at all, appears the same way.
 */
public final class PlainText {
    private PlainText() {
    }

    /** {@code text} with every control, format and line-separator character, and every unpaired surrogate, escaped. */
    public static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (b != null) {
                    b.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (needsEscape(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** As {@link #escaped}, cut after {@value Limits#MAX_TEXT_LENGTH} characters: how a rejection names an id. */
    public static String shown(String text) {
        if (text != null && text.length() > Limits.MAX_TEXT_LENGTH) {
            return escaped(text.substring(0, Limits.MAX_TEXT_LENGTH)) + "…";
        }
        return escaped(text);
    }

    private static boolean needsEscape(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c);
    }
}
