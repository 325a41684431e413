package io.sitework.work.query;

import io.sitework.support.web.BadRequestException;
import io.sitework.support.web.SearchText;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parsing of the query parameters of the work lists and boards: pure functions, each bad value a 400
 * naming its parameter.
 */
public final class QueryParameters {

    /** Longest accepted {@code q}: a search, not a document. */
    public static final int MAX_SEARCH_LENGTH = 200;

    private QueryParameters() {
    }

    /**
     * The values of a repeatable enum parameter, each occurrence possibly a comma list
     * ({@code status=PLANNED&status=IN_PROGRESS} or {@code status=PLANNED,IN_PROGRESS}); case and
     * surrounding blanks do not matter, empty elements are ignored. Empty when the parameter is absent.
     *
     * @throws BadRequestException naming {@code parameter} for an unknown value
     */
    public static <E extends Enum<E>> Set<E> enumValues(String parameter, List<String> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return Collections.emptySet();
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String element : value.split(",")) {
                String name = element.strip().toUpperCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    result.add(Enum.valueOf(type, name));
                } catch (IllegalArgumentException unknown) {
                    throw new BadRequestException(parameter, "'" + element.strip() + "' is not one of "
                            + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
                }
            }
        }
        return result;
    }

    /**
     * The words of a free-text search, lower-cased (the read model's {@code searchText} is
     * lower-cased too); every word must occur. Empty for an absent or blank search.
     *
     * @throws BadRequestException naming {@code q} when the search is longer than {@link #MAX_SEARCH_LENGTH} or holds a
     *                             control character (see {@link SearchText})
     */
    public static List<String> searchTerms(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.length() > MAX_SEARCH_LENGTH) {
            throw new BadRequestException("q", "at most " + MAX_SEARCH_LENGTH + " characters");
        }
        if (SearchText.hasControlCharacter(q)) {
            throw new BadRequestException("q", SearchText.MESSAGE);
        }
        return Arrays.stream(q.strip().toLowerCase(Locale.ROOT).split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * A regular expression matching {@code text} literally, in Java's and in MongoDB's (PCRE) dialect:
     * every ASCII character that is neither a letter nor a digit is escaped with a backslash, which
     * both dialects read as that character itself. Letters and digits are never escaped ({@code \1},
     * {@code \d} would mean something else).
     */
    public static String literalRegex(String text) {
        StringBuilder regex = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean asciiLetterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (c < 128 && !asciiLetterOrDigit) {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.toString();
    }

    /**
     * The time zone a board counts "today" in: an IANA region id ({@code Europe/Paris}) or an offset
     * ({@code +02:00}); UTC when absent.
     *
     * @throws BadRequestException naming {@code zone} for an unknown zone
     */
    public static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new BadRequestException("zone", "'" + zone.strip() + "' is not a time zone (use an IANA id such as Europe/Paris)");
        }
    }

    /** A free-text id parameter: blank means absent. */
    public static String optionalId(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (id.length() > 200) {
            throw new BadRequestException(parameter, "at most 200 characters");
        }
        return id;
    }
}
