package io.sitework.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints the platform's steps for a person at a terminal, one short line each. */
final class ConsoleListener implements Platform.Listener {

    private final PrintStream out;
    private final PrintStream err;
    private final Runnable afterUnexpectedExit;

    ConsoleListener(PrintStream out, PrintStream err, Runnable afterUnexpectedExit) {
        this.out = out;
        this.err = err;
        this.afterUnexpectedExit = afterUnexpectedExit;
    }

    @Override
    public void step(String what, String detail, Duration took) {
        out.println(line(what, detail, took));
        out.flush();
    }

    @Override
    public void unexpectedExit(String name, int exitCode, Path logFile, List<String> logTail) {
        err.println();
        err.println(name + " exited unexpectedly (exit code " + exitCode + "). Last lines of " + logFile + ":");
        printTail(err, logTail);
        err.println("Stopping the platform.");
        err.flush();
        afterUnexpectedExit.run();
    }

    static void printTail(PrintStream stream, List<String> logTail) {
        logTail.forEach(l -> stream.println("    | " + l));
    }

    static String line(String what, String detail, Duration took) {
        return String.format(Locale.ROOT, "  %-21s %s  (%s)", what, detail, seconds(took));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
