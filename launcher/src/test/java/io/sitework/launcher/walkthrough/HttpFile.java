package io.sitework.launcher.walkthrough;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request file in the common {@code .http} format (JetBrains HTTP Client, VS Code REST Client):
 * <pre>
 * &#64;base = http://localhost:8080          file variable (global, may use {{other}})
 *
 * ### Log in as Anna                         separator; the rest of the line is the request's title
 * # @name login_anna                         names the request, so later ones can use its response
 * # @expect 200                              our runner's status expectation (a comment to other tools)
 * # @expect-body $.token_type == Bearer      our runner's body expectation, see BodyExpectation
 * # @retry 20                                repeat until the expectations hold (up to 20 more times)
 * POST {{base}}/auth/dev/token               method (default GET), URL, optional HTTP version
 * Content-Type: application/json             headers, up to the first blank line
 *
 * {"subject": "anna.planner"}                the body, up to the next ###
 * </pre>
 * Comments ({@code #} or {@code //}) and directives belong before the request line; once the body
 * begins every line up to the next {@code ###} is body. Other {@code @directives} of other tools are
 * ignored. A block without a request line holds only variables and comments.
 */
public record HttpFile(String source, Map<String, String> variables, List<Request> requests) {

    private static final Pattern SEPARATOR = Pattern.compile("^###(.*)$");
    private static final Pattern VARIABLE = Pattern.compile("^@([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(#|//)(.*)$");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*@([A-Za-z][A-Za-z0-9-]*)(?:\\s*=\\s*|\\s+|$)(.*)$");
    private static final Pattern REQUEST_LINE = Pattern.compile(
            "^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\\s+(\\S+)(?:\\s+HTTP/[0-9.]+)?\\s*$");
    private static final Pattern URL_ONLY = Pattern.compile("^(?:https?://|\\{\\{)\\S*$");
    private static final Pattern URL_CONTINUATION = Pattern.compile("^\\s+([?&]\\S*)\\s*$");
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\\s*:\\s*(.*)$");

    /** The directives this runner understands; any other {@code @word} in a comment belongs to another tool. */
    public static final Set<String> DIRECTIVES = Set.of("name", "expect", "expect-body", "retry");

    public HttpFile {
        variables = Map.copyOf(variables);
        requests = List.copyOf(requests);
    }

    /**
     * One request.
     *
     * @param number         1-based position among the file's requests
     * @param line           the line of its request line
     * @param name           its {@code @name}, or null
     * @param expectedStatus its {@code @expect}, or null (then any status below 400 passes)
     * @param retries        how many more times to send it while its expectations fail
     */
    public record Request(int number, int line, String title, String name, String method, String url, List<Header> headers,
                          String body, Integer expectedStatus, List<BodyExpectation> bodyExpectations, int retries) {

        public Request {
            headers = List.copyOf(headers);
            bodyExpectations = List.copyOf(bodyExpectations);
        }

        /** How a report names the request: its number, title and where it is. */
        public String label() {
            return "#" + number + " \"" + title + "\" (line " + line + ")";
        }
    }

    public record Header(String name, String value) {
    }

    /** A file that does not follow the format; the message names the line. */
    public static final class ParseException extends IllegalArgumentException {
        ParseException(String source, int line, String message) {
            super(source + " line " + line + ": " + message);
        }
    }

    public static HttpFile read(Path path) {
        try {
            return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    public static HttpFile parse(String text) {
        return parse("request file", text);
    }

    public static HttpFile parse(String source, String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<Request> requests = new ArrayList<>();
        Block block = new Block(source, null, 1);
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            Matcher separator = SEPARATOR.matcher(line);
            if (separator.matches()) {
                block.finish(requests);
                block = new Block(source, separator.group(1).strip(), lineNumber);
                continue;
            }
            block.accept(line, lineNumber, variables);
        }
        block.finish(requests);
        Map<String, Integer> names = new LinkedHashMap<>();
        for (Request request : requests) {
            Integer first = request.name() == null ? null : names.putIfAbsent(request.name(), request.line());
            if (first != null) {
                throw new ParseException(source, request.line(), "the name '" + request.name() + "' is used twice (first on line "
                        + first + ")");
            }
        }
        return new HttpFile(source, variables, requests);
    }

    /** The lines between two separators. */
    private static final class Block {
        private enum Phase { PREAMBLE, HEADERS, BODY }

        private final String source;
        private final String title;
        private final int startLine;
        private Phase phase = Phase.PREAMBLE;
        private String firstComment;
        private String name;
        private Integer expectedStatus;
        private final List<BodyExpectation> bodyExpectations = new ArrayList<>();
        private Integer retries;
        private int directiveLine;
        private int requestLine;
        private String method;
        private String url;
        private final List<Header> headers = new ArrayList<>();
        private final List<String> body = new ArrayList<>();

        Block(String source, String title, int startLine) {
            this.source = source;
            this.title = title == null || title.isEmpty() ? null : title;
            this.startLine = startLine;
        }

        void accept(String line, int lineNumber, Map<String, String> variables) {
            switch (phase) {
                case PREAMBLE -> preamble(line, lineNumber, variables);
                case HEADERS -> header(line, lineNumber);
                case BODY -> body.add(line);
            }
        }

        private void preamble(String line, int lineNumber, Map<String, String> variables) {
            if (line.isBlank()) {
                return;
            }
            Matcher comment = COMMENT.matcher(line);
            if (comment.matches()) {
                directive(comment.group(2), lineNumber);
                return;
            }
            Matcher variable = VARIABLE.matcher(line.strip());
            if (variable.matches()) {
                variables.put(variable.group(1), variable.group(2).strip());
                return;
            }
            Matcher request = REQUEST_LINE.matcher(line.strip());
            if (request.matches()) {
                method = request.group(1);
                url = request.group(2);
            } else if (URL_ONLY.matcher(line.strip()).matches()) {
                method = "GET";
                url = line.strip();
            } else {
                throw new ParseException(source, lineNumber, "expected a request line (METHOD URL), a comment or @variable = value, got '"
                        + line.strip() + "'");
            }
            requestLine = lineNumber;
            phase = Phase.HEADERS;
        }

        private void directive(String text, int lineNumber) {
            Matcher directive = DIRECTIVE.matcher(text);
            if (!directive.matches()) {
                if (firstComment == null && !text.isBlank()) {
                    firstComment = text.strip();
                }
                return;
            }
            String word = directive.group(1);
            String argument = directive.group(2).strip();
            if (!DIRECTIVES.contains(word)) {
                return; // another tool's directive, e.g. @no-log
            }
            directiveLine = directiveLine == 0 ? lineNumber : directiveLine;
            try {
                switch (word) {
                    case "name" -> {
                        if (!argument.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                            throw new IllegalArgumentException("a request name is letters, digits, _ and -, got '" + argument + "'");
                        }
                        once(name, "@name");
                        name = argument;
                    }
                    case "expect" -> {
                        once(expectedStatus, "@expect");
                        expectedStatus = status(argument);
                    }
                    case "expect-body" -> bodyExpectations.add(BodyExpectation.parse(argument));
                    case "retry" -> {
                        once(retries, "@retry");
                        if (!argument.matches("\\d{1,4}")) {
                            throw new IllegalArgumentException("@retry takes how many more times to try, e.g. @retry 20");
                        }
                        retries = Integer.parseInt(argument);
                    }
                    default -> throw new IllegalStateException(word);
                }
            } catch (IllegalArgumentException e) {
                throw new ParseException(source, lineNumber, e.getMessage());
            }
        }

        private static void once(Object previous, String directive) {
            if (previous != null) {
                throw new IllegalArgumentException(directive + " is given twice for one request");
            }
        }

        private static int status(String argument) {
            if (!argument.matches("[1-5]\\d\\d")) {
                throw new IllegalArgumentException("@expect takes an HTTP status, e.g. @expect 201, got '" + argument + "'");
            }
            return Integer.parseInt(argument);
        }

        private void header(String line, int lineNumber) {
            if (line.isBlank()) {
                phase = Phase.BODY;
                return;
            }
            Matcher continuation = URL_CONTINUATION.matcher(line);
            if (continuation.matches() && headers.isEmpty()) {
                url = url + continuation.group(1);
                return;
            }
            if (COMMENT.matcher(line).matches()) {
                return;
            }
            Matcher header = HEADER.matcher(line.strip());
            if (!header.matches()) {
                throw new ParseException(source, lineNumber, "expected a header (Name: value) or a blank line before the body, got '"
                        + line.strip() + "'");
            }
            headers.add(new Header(header.group(1), header.group(2).strip()));
        }

        void finish(List<Request> requests) {
            if (method == null) {
                if (name != null || expectedStatus != null || !bodyExpectations.isEmpty() || retries != null) {
                    throw new ParseException(source, directiveLine, "request directives without a request");
                }
                return;
            }
            int end = body.size();
            while (end > 0 && body.get(end - 1).isBlank()) {
                end--;
            }
            String text = end == 0 ? null : String.join("\n", body.subList(0, end));
            String label = title != null ? title : firstComment != null ? firstComment : method + " " + url;
            requests.add(new Request(requests.size() + 1, requestLine, label, name, method, url, headers, text, expectedStatus,
                    bodyExpectations, retries == null ? 0 : retries));
        }

        @Override
        public String toString() {
            return "block at line " + startLine;
        }
    }
}
