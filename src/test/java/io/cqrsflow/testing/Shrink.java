package io.cqrsflow.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Simpler values for the shrinker, each strictly simpler than the value given, most promising first. */
public final class Shrink {
    private Shrink() {
    }

    /** Toward {@code target}: the target itself, halfway there, one step there. */
    public static List<Long> toward(long value, long target) {
        List<Long> out = new ArrayList<>();
        if (value == target) {
            return out;
        }
        addNew(out, target, value);
        addNew(out, value - (value - target) / 2, value);
        addNew(out, value > target ? value - 1 : value + 1, value);
        return out;
    }

    public static List<Integer> toward(int value, int target) {
        return toward((long) value, target).stream().map(Long::intValue).toList();
    }

    /** Toward 0: zero, the whole part, half, one less (by size); the sign is kept except by zero. */
    public static List<BigDecimal> decimal(BigDecimal value) {
        List<BigDecimal> out = new ArrayList<>();
        if (value.signum() == 0) {
            return out;
        }
        addNewDecimal(out, BigDecimal.ZERO, value);
        addNewDecimal(out, value.setScale(0, RoundingMode.DOWN), value);
        addNewDecimal(out, value.divide(BigDecimal.valueOf(2), value.scale(), RoundingMode.DOWN), value);
        if (value.abs().compareTo(BigDecimal.ONE) >= 0) {
            addNewDecimal(out, value.subtract(BigDecimal.valueOf(value.signum())), value);
        }
        return out;
    }

    /**
     * Shorter prefixes: one character, half, one less. A blank string may become empty; a string with text
     * keeps at least one character, so shrinking does not turn an id into a blank one (a different rule).
     */
    public static List<String> shorter(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return out;
        }
        if (value.isBlank()) {
            out.add("");
            return out;
        }
        for (int length : new int[] {1, value.length() / 2, value.length() - 1}) {
            String prefix = value.substring(0, Math.max(1, length));
            if (prefix.length() < value.length() && !prefix.isBlank() && !out.contains(prefix)) {
                out.add(prefix);
            }
        }
        return out;
    }

    /** Fewer elements (each dropped in turn), then each element simpler. */
    public static <T> List<List<T>> list(List<T> value, Function<T, List<T>> simplerElement) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            List<T> fewer = new ArrayList<>(value);
            fewer.remove(i);
            out.add(List.copyOf(fewer));
        }
        for (int i = 0; i < value.size(); i++) {
            for (T simpler : simplerElement.apply(value.get(i))) {
                List<T> changed = new ArrayList<>(value);
                changed.set(i, simpler);
                out.add(List.copyOf(changed));
            }
        }
        return out;
    }

    private static void addNew(List<Long> out, long candidate, long value) {
        if (candidate != value && !out.contains(candidate)) {
            out.add(candidate);
        }
    }

    private static void addNewDecimal(List<BigDecimal> out, BigDecimal candidate, BigDecimal value) {
        boolean smaller = candidate.abs().compareTo(value.abs()) < 0
                || candidate.abs().compareTo(value.abs()) == 0 && candidate.scale() < value.scale();
        if (smaller && out.stream().noneMatch(c -> c.compareTo(candidate) == 0)) {
            out.add(candidate);
        }
    }
}
