package io.cqrsflow.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The sizes the domain accepts, in one place. They exist so that every value the app accepts can be
 * stored in events.db and read back exactly: a six-character {@code 1e1001} once became a 1 002-digit
 * total that no reader would load again. The deciders reject a command beyond them with a named
 * {@link Rule}; the scenario file check refuses such values before anything plays.
 *
 * <ul>
 *   <li>Money (unit prices and order totals): at most {@value #MONEY_INTEGER_DIGITS} digits before the
 *       point and {@value #MONEY_FRACTION_DIGITS} after, so at most 999 999 999 999.99. Written plain
 *       ("1000", never "1E+3"). That a price is not negative is a business rule of its own.</li>
 *   <li>Quantities: whole numbers from 1 to {@value #MAX_QUANTITY}.</li>
 *   <li>Items per order: at most {@value #MAX_ITEMS}.</li>
 *   <li>Ids, names, SKUs and reasons: at most {@value #MAX_TEXT_LENGTH} characters of printable text —
 *       no control characters (a terminal obeys them), no line or paragraph separators, and no unpaired
 *       surrogates (they are not text: stored as UTF-8 they become "?", so two ids would collide).</li>
 * </ul>
 */
public final class Limits {
    public static final int MONEY_INTEGER_DIGITS = 12;
    public static final int MONEY_FRACTION_DIGITS = 2;
    public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_ITEMS = 100;
    public static final int MAX_TEXT_LENGTH = 200;

    /**
     * The rules that enforce these limits. A scenario file cannot break them (its check refuses such
     * values first); only a command built in code, such as one from the window's forms, reaches them.
     */
    public static final Set<Rule> RULES = Collections.unmodifiableSet(EnumSet.of(Rule.TEXT_TOO_LONG,
            Rule.TEXT_NOT_PRINTABLE, Rule.TOO_MANY_ITEMS, Rule.QUANTITY_TOO_LARGE, Rule.PRICE_TOO_LARGE,
            Rule.PRICE_TOO_PRECISE, Rule.TOTAL_TOO_LARGE));

    private Limits() {
    }

    /** Whether an amount fits the money limits, sign aside (a negative price is its own rule). */
    public static boolean fitsMoney(BigDecimal amount) {
        return amount != null && amount.scale() <= MONEY_FRACTION_DIGITS
                && integerDigits(amount) <= MONEY_INTEGER_DIGITS;
    }

    /**
     * Digits before the point, computed from precision and scale so that even {@code 1E+999999999}
     * answers at once instead of being expanded.
     */
    public static long integerDigits(BigDecimal amount) {
        return Math.max(0L, (long) amount.precision() - amount.scale());
    }

    /**
     * The same amount with a scale of 0 or more, so it prints as plain digits: a price written
     * {@code 1.5E+3} is stored as "1500". Only call it on amounts that {@link #fitsMoney fit}, or
     * small ones: it expands the number.
     */
    public static BigDecimal plain(BigDecimal amount) {
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    /** A piece of text beyond the limits: the rule it breaks and what is wrong ("has 201 characters; …"). */
    public record TextProblem(Rule rule, String problem) {
    }

    /**
     * What is wrong with a piece of text as an id, name, SKU or reason, or empty when nothing is.
     * Blankness is not checked here: each command has its own rule for it.
     */
    public static Optional<TextProblem> textProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Optional.of(new TextProblem(Rule.TEXT_TOO_LONG,
                    "has " + text.length() + " characters; at most " + MAX_TEXT_LENGTH + " are allowed"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of(new TextProblem(Rule.TEXT_NOT_PRINTABLE,
                        "contains an unpaired surrogate (" + escaped(c) + "), which is not text"));
            }
            if (!printable(c)) {
                return Optional.of(new TextProblem(Rule.TEXT_NOT_PRINTABLE,
                        "contains the control character " + escaped(c)));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code c} may appear in an id, name, SKU or reason. */
    private static boolean printable(char c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String escaped(char c) {
        return PlainText.escaped(String.valueOf(c));
    }
}
