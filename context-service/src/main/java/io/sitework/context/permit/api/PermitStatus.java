package io.sitework.context.permit.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * REQUESTED → APPROVED → ISSUED ⇄ SUSPENDED → HANDED_BACK → CLOSED; REJECTED (from REQUESTED),
 * CANCELLED (before hand-back) and EXPIRED (validity passed before hand-back) are ends.
 */
public enum PermitStatus {
    REQUESTED, APPROVED, ISSUED, SUSPENDED, HANDED_BACK, CLOSED, REJECTED, CANCELLED, EXPIRED;

    /** Statuses after which nothing more happens to the permit (but removing isolations left in place). */
    public static final Set<PermitStatus> ENDED = EnumSet.of(CLOSED, REJECTED, CANCELLED, EXPIRED);

    public boolean ended() {
        return ENDED.contains(this);
    }
}
