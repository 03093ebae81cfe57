package io.cqrsflow.scenario;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON parser's complaints in a teacher's words. Some of them name the parser's switches
 * ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"), which mean nothing to someone
 * writing a lesson and cannot be flipped from a scenario anyway.
 */
final class PlainJson {
    private record Rewrite(Pattern pattern, String replacement) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(Pattern.compile("Non-standard token '([^']*)': enable `[A-Za-z_.]+` to allow"),
                    "$1 is not a number JSON knows; write a number such as 12.50"),
            new Rewrite(Pattern.compile("maybe a \\(non-standard\\) comment\\? \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)"),
                    "JSON has no comments; put the text in a \"note\" step or in \"description\""),
            new Rewrite(Pattern.compile("JSON spec does not allow numbers to have plus signs: enable `[A-Za-z_.]+` to allow"),
                    "a number in JSON has no plus sign"),
            new Rewrite(Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): has to be escaped using backslash to be included in string value"),
                    "a string holds a control character (code $1), such as a line break; write it as \\\\n or \\\\t"),
            new Rewrite(Pattern.compile("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): only regular white space \\(\\\\r, \\\\n, \\\\t\\) is allowed between tokens"),
                    "a control character (code $1) where only spaces, tabs and line breaks may be"));

    /** Whatever still names a switch after the rewrites: ": enable `X` to allow", "(… Feature 'X' …)". */
    private static final Pattern SWITCH_HINT = Pattern.compile(
            "(:?\\s*enable `[^`]*` to allow)|(\\s*\\([^()]*Feature '[A-Z_]+'[^()]*\\))|(\\s*\\(from `[^`]*`\\))");

    private PlainJson() {
    }

    static String inPlainWords(String parserMessage) {
        String message = parserMessage;
        for (Rewrite rewrite : REWRITES) {
            Matcher m = rewrite.pattern().matcher(message);
            message = m.replaceAll(rewrite.replacement());
        }
        return SWITCH_HINT.matcher(message).replaceAll("");
    }
}
