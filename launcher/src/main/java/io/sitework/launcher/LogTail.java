package io.sitework.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, to show why a process died without opening the file. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static List<String> of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            // a cut at the start of the window may leave half a line: drop it
            if (length > size) {
                int firstBreak = text.indexOf('\n');
                text = firstBreak < 0 ? "" : text.substring(firstBreak + 1);
            }
            return lastLines(text, lines);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** The last {@code count} lines of {@code text}, without a trailing empty line. */
    static List<String> lastLines(String text, int count) {
        List<String> all = Arrays.asList(text.split("\\R", -1));
        int end = all.size();
        while (end > 0 && all.get(end - 1).isEmpty()) {
            end--;
        }
        return List.copyOf(all.subList(Math.max(0, end - count), end));
    }
}
