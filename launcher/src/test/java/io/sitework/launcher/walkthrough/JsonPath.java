package io.sitework.launcher.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of JSONPath that request files use: {@code $} (the whole document), {@code .field},
 * {@code ['field']} (for names with dots or spaces), {@code [2]} (an array index; {@code [-1]} is the
 * last element) and a final {@code .length()} (the size of an array or object, or the length of a
 * string). No wildcards, filters or recursive descent. A path that leads nowhere selects
 * {@link MissingNode}.
 */
public final class JsonPath {

    private static final Pattern FIELD = Pattern.compile("\\.([^.\\[\\]]+)");
    private static final Pattern QUOTED = Pattern.compile("\\[\\s*(['\"])(.*?)\\1\\s*]");
    private static final Pattern INDEX = Pattern.compile("\\[\\s*(-?\\d+)\\s*]");
    private static final String LENGTH = ".length()";

    private final String expression;
    private final List<Step> steps;
    private final boolean length;

    private sealed interface Step permits Field, Index {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private JsonPath(String expression, List<Step> steps, boolean length) {
        this.expression = expression;
        this.steps = steps;
        this.length = length;
    }

    /** Parses a path; fails with what is wrong and where. */
    public static JsonPath compile(String expression) {
        String path = expression == null ? "" : expression.strip();
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("A JSON path starts with $: '" + expression + "'");
        }
        boolean length = path.endsWith(LENGTH);
        String rest = length ? path.substring(1, path.length() - LENGTH.length()) : path.substring(1);
        List<Step> steps = new ArrayList<>();
        int at = 0;
        while (at < rest.length()) {
            Matcher field = FIELD.matcher(rest).region(at, rest.length());
            Matcher quoted = QUOTED.matcher(rest).region(at, rest.length());
            Matcher index = INDEX.matcher(rest).region(at, rest.length());
            if (field.lookingAt()) {
                steps.add(new Field(field.group(1)));
                at = field.end();
            } else if (quoted.lookingAt()) {
                steps.add(new Field(quoted.group(2)));
                at = quoted.end();
            } else if (index.lookingAt()) {
                steps.add(new Index(Integer.parseInt(index.group(1))));
                at = index.end();
            } else {
                throw new IllegalArgumentException("Unsupported JSON path '" + expression + "' at '" + rest.substring(at)
                        + "': use $.field, $['field'], $.list[0] or a final .length()");
            }
        }
        return new JsonPath(path, List.copyOf(steps), length);
    }

    /** The node this path selects in {@code root}, or {@link MissingNode} when there is none. */
    public JsonNode select(JsonNode root) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        for (Step step : steps) {
            if (node.isMissingNode()) {
                return node;
            }
            if (step instanceof Field field) {
                node = node.isObject() ? node.path(field.name()) : MissingNode.getInstance();
            } else if (step instanceof Index index) {
                int i = index.index() < 0 ? node.size() + index.index() : index.index();
                node = node.isArray() && i >= 0 && i < node.size() ? node.get(i) : MissingNode.getInstance();
            }
        }
        if (!length || node.isMissingNode()) {
            return node;
        }
        if (node.isContainerNode()) {
            return IntNode.valueOf(node.size());
        }
        return node.isTextual() ? IntNode.valueOf(node.asText().length()) : MissingNode.getInstance();
    }

    @Override
    public String toString() {
        return expression;
    }
}
