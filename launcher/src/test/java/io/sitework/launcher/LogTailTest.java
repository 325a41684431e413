package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

    @Test
    void keepsTheLastLinesInOrder() {
        assertThat(LogTail.lastLines("one\ntwo\nthree\nfour\n", 2)).containsExactly("three", "four");
    }

    @Test
    void aShortLogIsShownWhole() {
        assertThat(LogTail.lastLines("only\r\nline", 30)).containsExactly("only", "line");
    }

    @Test
    void trailingEmptyLinesDoNotCount() {
        assertThat(LogTail.lastLines("a\nb\n\n\n", 1)).containsExactly("b");
        assertThat(LogTail.lastLines("", 5)).isEmpty();
    }
}
