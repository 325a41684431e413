package io.sitework.launcher.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code # @expect-body <path> <operator> <value>} line: a JSON path of {@link JsonPath}'s subset,
 * an operator and the expected value (which may use {@code {{…}}} like the request does).
 * <ul>
 *   <li>{@code ==}, {@code !=}: numbers compare as numbers ({@code 7.10 == 7.1}), booleans and
 *       {@code null} as themselves, strings by their text (quote them with {@code "…"} to keep spaces),
 *       objects and arrays as JSON;</li>
 *   <li>{@code >}, {@code >=}, {@code <}, {@code <=}: numbers only;</li>
 *   <li>{@code contains}: the text of a string, or the JSON of an object or array, contains the value —
 *       e.g. {@code $.items contains <id>} holds when some item names that id;</li>
 *   <li>{@code exists} (no value): the path selects something, even {@code null}.</li>
 * </ul>
 */
public record BodyExpectation(String source, JsonPath path, Operator operator, String expected) {

    private static final Pattern BINARY = Pattern.compile("^(\\$\\S*)\\s+(==|!=|>=|<=|>|<|contains)\\s+(.*)$");
    private static final Pattern EXISTS = Pattern.compile("^(\\$\\S*)\\s+exists$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Operator {
        EQUALS("=="), NOT_EQUALS("!="), AT_LEAST(">="), AT_MOST("<="), MORE(">"), LESS("<"), CONTAINS("contains"), EXISTS("exists");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("Unknown operator " + symbol);
        }
    }

    /** Parses the text after {@code @expect-body}; fails with what is wrong. */
    public static BodyExpectation parse(String text) {
        String line = text.strip();
        Matcher exists = EXISTS.matcher(line);
        if (exists.matches()) {
            return new BodyExpectation(line, JsonPath.compile(exists.group(1)), Operator.EXISTS, null);
        }
        Matcher binary = BINARY.matcher(line);
        if (!binary.matches() || binary.group(3).isBlank()) {
            throw new IllegalArgumentException("Expected '<$.path> <==|!=|>=|<=|>|<|contains> <value>' or '<$.path> exists', got '"
                    + text.strip() + "'");
        }
        return new BodyExpectation(line, JsonPath.compile(binary.group(1)), Operator.of(binary.group(2)), binary.group(3).strip());
    }

    /**
     * Checks a response body.
     *
     * @param body    the parsed body, or null when it is not JSON
     * @param resolve substitutes {@code {{…}}} in the expected value
     * @return empty when the expectation holds, otherwise why not
     */
    public Optional<String> check(JsonNode body, UnaryOperator<String> resolve) {
        if (body == null) {
            return Optional.of(source + ": the response body is not JSON");
        }
        JsonNode actual = path.select(body);
        if (actual.isMissingNode()) {
            return Optional.of(source + ": nothing at " + path);
        }
        if (operator == Operator.EXISTS) {
            return Optional.empty();
        }
        String want = unquote(resolve.apply(expected));
        boolean holds = switch (operator) {
            case EQUALS -> same(actual, want);
            case NOT_EQUALS -> !same(actual, want);
            case CONTAINS -> (actual.isTextual() ? actual.asText() : actual.toString()).contains(want);
            case AT_LEAST, AT_MOST, MORE, LESS -> compare(actual, want);
            case EXISTS -> true;
        };
        return holds ? Optional.empty() : Optional.of(source + (want.equals(expected) ? "" : " (" + want + ")")
                + ": " + path + " is " + describe(actual));
    }

    private boolean compare(JsonNode actual, String want) {
        BigDecimal a = number(actual);
        BigDecimal b = number(want);
        if (a == null || b == null) {
            return false;
        }
        int c = a.compareTo(b);
        return switch (operator) {
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case MORE -> c > 0;
            case LESS -> c < 0;
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private static boolean same(JsonNode actual, String want) {
        if (actual.isNumber()) {
            BigDecimal b = number(want);
            return b != null && actual.decimalValue().compareTo(b) == 0;
        }
        if (actual.isBoolean() || actual.isNull()) {
            return actual.asText().equals(want);
        }
        if (actual.isTextual()) {
            return actual.asText().equals(want);
        }
        try {
            return actual.equals(JSON.readTree(want));
        } catch (Exception notJson) {
            return false;
        }
    }

    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isTextual() ? number(node.asText()) : null;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String describe(JsonNode actual) {
        String text = actual.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
