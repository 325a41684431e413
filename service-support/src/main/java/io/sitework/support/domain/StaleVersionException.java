package io.sitework.support.domain;

/** The caller's {@code If-Match} version is not the current one. Maps to HTTP 412. */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(String message, long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
