package io.sitework.support.domain;

/**
 * A command the domain refuses: the transition is not allowed in the current state. Maps to
 * HTTP 409 with the message as the problem's detail, so the message must say why in plain words
 * (e.g. "work 4b1… is REQUESTED; only IN_PROGRESS work can be completed").
 */
public class DomainRuleViolation extends RuntimeException {

    private final String code;

    public DomainRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, machine-readable reason (e.g. {@code work.not-in-progress}). */
    public String code() {
        return code;
    }
}
