package io.cqrsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Every figure of one benchmark run, in the order measured, printed at the end as one JSON line. */
final class Figures {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    void put(String key, Object value) {
        values.put(key, value);
    }

    /**
     * The heap in use after a phase, in MB, after a full collection (what the phase left behind), and the
     * most the heap ever reached so far (the JVM's peak, from its memory pools).
     */
    void heapAfter(String phase) {
        System.gc();
        long usedMb = memory.getHeapMemoryUsage().getUsed() >> 20;
        long peakMb = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        values.put("heap_after_" + phase + "_mb", usedMb);
        System.out.printf(Locale.ROOT, "  heap after %s: %d MB in use (peak of the pools so far %d MB)%n", phase, usedMb, peakMb);
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        values.put("heap_peak_" + phase + "_mb", peakMb);
    }

    String json() {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else {
                b.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return b.append('}').toString();
    }
}
