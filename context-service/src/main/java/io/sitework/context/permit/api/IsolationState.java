package io.sitework.context.permit.api;

/** An isolation point goes PLANNED → APPLIED → VERIFIED → REMOVED (APPLIED → REMOVED when it is never verified). */
public enum IsolationState {
    PLANNED, APPLIED, VERIFIED, REMOVED;

    /** Energy or material is isolated at the point. */
    public boolean inPlace() {
        return this == APPLIED || this == VERIFIED;
    }
}
