package io.sitework.launcher;

import java.nio.file.Path;
import java.util.List;

/** A process of the platform that died or never became ready, with the end of its log. */
public final class StartupException extends RuntimeException {

    private final transient Path logFile;
    private final List<String> logTail;
    private final boolean interrupted;

    StartupException(String message, Path logFile, List<String> logTail) {
        this(message, logFile, logTail, false, null);
    }

    private StartupException(String message, Path logFile, List<String> logTail, boolean interrupted, Throwable cause) {
        super(message, cause);
        this.logFile = logFile;
        this.logTail = List.copyOf(logTail);
        this.interrupted = interrupted;
    }

    /** The platform was closed (Ctrl-C) while it started; {@code cause} is what that did to the start. */
    static StartupException interrupted(Throwable cause) {
        return new StartupException("Startup was interrupted", null, List.of(), true, cause);
    }

    /** Whether the start failed because the platform was being stopped, rather than on its own. */
    public boolean isInterruption() {
        return interrupted;
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> logTail() {
        return logTail;
    }
}
