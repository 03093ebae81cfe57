package io.cqrsflow.read;

/**
 * The rows of a read model a window wants, by place in its table ({@code offset} from the first row, in the
 * order rows were first written): what is on screen and a margin around it, never the whole table.
 */
public record RowWindow(int offset, int limit) {
    /** The most rows one reading hands out per read model. */
    public static final int MOST = 240;
    /** The first rows: what a panel not scrolled yet shows. */
    public static final RowWindow FIRST = new RowWindow(0, MOST);

    public RowWindow {
        if (offset < 0 || limit < 1 || limit > MOST) {
            throw new IllegalArgumentException("a row window is 1.." + MOST + " rows from offset 0 or more, not "
                    + limit + " rows from " + offset);
        }
    }

    /** Whether rows {@code from} to {@code to} (exclusive) are all inside. */
    public boolean covers(int from, int to) {
        return from >= offset && to <= offset + limit;
    }

    /** A window of the most rows with {@code from..to} inside, a margin before (a table scrolls both ways). */
    public static RowWindow around(int from, int to) {
        int span = Math.max(0, to - from);
        int before = Math.max(0, (MOST - span) / 3);
        return new RowWindow(Math.max(0, from - before), MOST);
    }
}
