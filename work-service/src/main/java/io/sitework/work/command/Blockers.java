package io.sitework.work.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids of the blockers Sitework raises itself: derived from what they wait on, so a repeat is recognisable. */
public final class Blockers {

    private Blockers() {
    }

    public static String dependencyBlockerId(String workId, String predecessorId) {
        return UUID.nameUUIDFromBytes((workId + "/OTHER_WORK/" + predecessorId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
