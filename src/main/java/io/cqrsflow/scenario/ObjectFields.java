package io.cqrsflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cqrsflow.domain.Limits;
import io.cqrsflow.domain.Rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Typed reads from one JSON object of a scenario file, each failing with a {@link ScenarioException}
 * that knows the file, the step and the field's path ("command.items[0].quantity").
 */
final class ObjectFields {
    /** A plain decimal: "12.50", "-3", "0.10". No exponent, no thousands separators. */
    private static final Pattern MONEY = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final String MONEY_EXPECTED = "must be an amount of money such as \"12.50\", got ";

    private final String file;
    private final Integer step;
    private final String path;
    private final ObjectNode node;

    private ObjectFields(String file, Integer step, String path, ObjectNode node) {
        this.file = file;
        this.step = step;
        this.path = path;
        this.node = node;
    }

    /**
     * @param path the object's own path ("" for the whole file or the whole step)
     * @throws ScenarioException when {@code value} is not a JSON object
     */
    static ObjectFields of(String file, Integer step, String path, JsonNode value, String example) {
        if (value instanceof ObjectNode object) {
            return new ObjectFields(file, step, path, object);
        }
        String problem = "must be an object" + (example == null ? "" : " such as " + example) + ", got "
                + JsonValues.describe(value);
        throw new ScenarioException(file, step, path.isEmpty() ? null : path, problem);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ScenarioException error(String key, String problem) {
        return new ScenarioException(file, step, path(key), problem);
    }

    /** A problem with this object as a whole. */
    ScenarioException error(String problem) {
        return new ScenarioException(file, step, path.isEmpty() ? null : path, problem);
    }

    boolean has(String key) {
        return node.has(key);
    }

    JsonNode get(String key) {
        return node.get(key);
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Refuses the first key not in {@code known}, suggesting the one probably meant. */
    void allowOnly(Collection<String> known) {
        allowOnly(known, null);
    }

    /** As {@link #allowOnly(Collection)}, saying what the fields belong to ("for PayOrder"). */
    void allowOnly(Collection<String> known, String owner) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                String forWhom = owner == null ? "" : " for " + owner;
                throw error(key, "unknown field " + JsonValues.quote(key) + forWhom
                        + DidYouMean.hint(key, known, "expected one of"));
            }
        }
    }

    JsonNode require(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw error(key, "missing");
        }
        return value;
    }

    String text(String key) {
        JsonNode value = require(key);
        if (!value.isTextual()) {
            throw error(key, "must be a string, got " + JsonValues.describe(value));
        }
        return value.textValue();
    }

    /** {@code true} or {@code false}; false when absent. */
    boolean flag(String key) {
        if (!has(key)) {
            return false;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            throw error(key, "must be true or false, got " + JsonValues.describe(value));
        }
        return value.booleanValue();
    }

    Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    /**
     * A whole number within {@code [min, max]}. {@code 100.0} counts as whole; {@code "100"} is a string.
     *
     * @param outOfRange what to say when it is whole but outside the range ("must be 0 or more"); a
     *                   number beyond even {@code long} is just "too large"
     */
    long wholeNumber(String key, long min, long max, String outOfRange) {
        return wholeNumber(key, min, max, outOfRange, max == Long.MAX_VALUE ? "is too large" : outOfRange);
    }

    /** As {@link #wholeNumber(String, long, long, String)}, with its own words for each end of the range. */
    long wholeNumber(String key, long min, long max, String belowMin, String aboveMax) {
        JsonNode value = require(key);
        BigInteger whole = wholeOrNull(value);
        if (whole == null) {
            throw error(key, "must be a whole number, got " + JsonValues.describe(value));
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0) {
            throw error(key, belowMin + ", got " + JsonValues.describe(value));
        }
        if (whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(key, aboveMax + ", got " + JsonValues.describe(value));
        }
        return whole.longValueExact();
    }

    OptionalLong optionalWholeNumber(String key, long min, long max, String outOfRange) {
        return has(key) ? OptionalLong.of(wholeNumber(key, min, max, outOfRange)) : OptionalLong.empty();
    }

    private static BigInteger wholeOrNull(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isBigDecimal()) {
            BigDecimal decimal = value.decimalValue();
            if (decimal.signum() == 0) {
                return BigInteger.ZERO;
            }
            if (Limits.integerDigits(decimal) > 19) {
                // Beyond long either way; say so without expanding 1e99999999 into its hundred million digits.
                return BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(decimal.signum()));
            }
            if (decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.toBigIntegerExact();
            }
        }
        return null;
    }

    /**
     * Money, exactly as written: a decimal string ("12.50") or a JSON number (19.99), never through a
     * double, within the domain's {@link Limits}: at most 12 digits before the point and 2 after. An
     * exponent (1.5E+3) is accepted and kept in plain digits ("1500"). Negative amounts are read as
     * written; rejecting them is the domain's job.
     */
    BigDecimal money(String key) {
        JsonNode value = require(key);
        BigDecimal amount = null;
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (MONEY.matcher(text).matches()) {
                amount = new BigDecimal(text);
            }
        } else if (value.isIntegralNumber()) {
            amount = new BigDecimal(value.bigIntegerValue());
        } else if (value.isBigDecimal()) {
            amount = value.decimalValue();
        }
        if (amount == null) {
            throw error(key, MONEY_EXPECTED + JsonValues.describe(value));
        }
        if (Limits.integerDigits(amount) > Limits.MONEY_INTEGER_DIGITS) {
            throw error(key, "must be at most " + Limits.MAX_MONEY.toPlainString() + " ("
                    + Limits.MONEY_INTEGER_DIGITS + " digits before the point), got " + JsonValues.describe(value));
        }
        if (Limits.plain(amount).scale() > Limits.MONEY_FRACTION_DIGITS) {
            throw error(key, "must have at most " + Limits.MONEY_FRACTION_DIGITS
                    + " digits after the point (cents), got " + JsonValues.describe(value));
        }
        return Limits.plain(amount);
    }

    /**
     * An id, name, SKU or reason: a string within the domain's {@link Limits} — at most 200 characters,
     * no control characters. Blank is fine here: the domain rejects it, and a scenario may mean to show that.
     */
    String domainText(String key) {
        String text = text(key);
        Limits.textProblem(text).ifPresent(p -> {
            throw error(key, (p.rule() == Rule.TEXT_TOO_LONG ? "is too long: it " : "is not printable text: it ")
                    + p.problem());
        });
        return text;
    }

    Optional<String> optionalDomainText(String key) {
        return has(key) ? Optional.of(domainText(key)) : Optional.empty();
    }

    List<JsonNode> array(String key) {
        JsonNode value = require(key);
        if (!value.isArray()) {
            throw error(key, "must be an array [ … ], got " + JsonValues.describe(value));
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.elements().forEachRemaining(elements::add);
        return elements;
    }

    ObjectFields object(String key, String example) {
        return of(file, step, path(key), require(key), example);
    }

    /** The {@code index}-th element of the array under {@code key}, which must be an object. */
    ObjectFields element(String key, int index, JsonNode value, String example) {
        return of(file, step, path(key) + "[" + index + "]", value, example);
    }
}
