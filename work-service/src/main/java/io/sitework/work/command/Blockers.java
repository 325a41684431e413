package io.sitework.work.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids of the blockers Sitework raises itself: derived from what they wait on, so a repeat is recognisable. */
public final class Blockers {

    private Blockers() {
    }

    /** One per suspension or expiry of a permit (its event sequence): a permit suspended twice blocks twice. */
    public static String permitBlockerId(String workId, String permitId, long permitSequence) {
        return UUID.nameUUIDFromBytes((workId + "/PERMIT/" + permitId + "/" + permitSequence).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One per contractor, qualification and lapse (its event id, or "never-held"). */
    public static String contractorBlockerId(String workId, String contractorId, String qualification, String lapseKey) {
        return UUID.nameUUIDFromBytes((workId + "/CONTRACTOR/" + contractorId + "/" + qualification + "/" + lapseKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String dependencyBlockerId(String workId, String predecessorId) {
        return UUID.nameUUIDFromBytes((workId + "/OTHER_WORK/" + predecessorId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
