package io.sitework.support.web;

import java.util.regex.Pattern;

/**
 * What a free-text search parameter ({@code q}) may hold: what a person types or pastes, never other control
 * characters than tab and line breaks (which separate words like spaces). A NUL cannot even be sent to MongoDB
 * inside a regular expression (BSON refuses it); such a search is refused with 400 naming the parameter, before any
 * query runs.
 */
public final class SearchText {

    /** For {@code @Pattern(regexp = SearchText.PRINTABLE, message = SearchText.MESSAGE)}: the same as {@link #hasControlCharacter}. */
    public static final String PRINTABLE = "[^\\x{0}-\\x{8}\\x{B}\\x{C}\\x{E}-\\x{1F}\\x{7F}-\\x{9F}]*";
    public static final String MESSAGE = "must not contain control characters";

    private SearchText() {
    }

    private static final Pattern PRINTABLE_TEXT = Pattern.compile(PRINTABLE);

    /** Whether {@code text} holds a control character (U+0000–U+001F, U+007F–U+009F) other than tab, LF and CR. */
    public static boolean hasControlCharacter(String text) {
        return text != null && !PRINTABLE_TEXT.matcher(text).matches();
    }
}
