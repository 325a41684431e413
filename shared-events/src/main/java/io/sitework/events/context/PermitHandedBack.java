package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.handed_back.v1}: the holder handed the permit back; isolations can be removed before it is closed.
 */
public record PermitHandedBack(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String handedBackBy) implements PermitEvent {

    public PermitHandedBack {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
