package io.cqrsflow.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a teacher most likely meant when they typed one that does not exist. */
final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The closest known name, if one is close enough: a few typos away, a different capitalisation,
     * or one containing the other ("price" → "unitPrice").
     */
    static Optional<String> closest(String typed, Collection<String> known) {
        String wrong = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String right = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(wrong, right);
            boolean fewTypos = distance <= Math.max(2, Math.max(wrong.length(), right.length()) / 3);
            boolean contained = wrong.length() >= 3 && (right.contains(wrong) || wrong.contains(right));
            if ((fewTypos || contained) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code ; did you mean "x"?} when there is a close name, else {@code ; <elseWhat>: a, b, c}. */
    static String hint(String typed, Collection<String> known, String elseWhat) {
        return closest(typed, known)
                .map(name -> "; did you mean " + JsonValues.quote(name) + "?")
                .orElseGet(() -> "; " + elseWhat + ": " + String.join(", ", known));
    }
}
