package io.sitework.support.web;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    private static final Pattern PRINTABLE = Pattern.compile(SearchText.PRINTABLE);

    @Test
    void whatPeopleTypeOrPasteIsASearch() {
        for (String text : new String[]{"", "P-101", "pompe à vide", "Ölpumpe 3", "seal\tP-101", "two\nlines\r\n", "50% (hot)", "\u00A0nbsp"}) {
            assertThat(SearchText.hasControlCharacter(text)).as(text).isFalse();
            assertThat(PRINTABLE.matcher(text).matches()).as(text).isTrue();
        }
    }

    @Test
    void otherControlCharactersAreNot() {
        for (char c : new char[]{'\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\u009F'}) {
            String text = "pump" + c;
            assertThat(SearchText.hasControlCharacter(text)).as("U+%04X", (int) c).isTrue();
            assertThat(PRINTABLE.matcher(text).matches()).as("U+%04X", (int) c).isFalse();
        }
        assertThat(SearchText.hasControlCharacter(null)).isFalse();
    }
}
