package io.sitework.work.query;

import io.sitework.work.api.Assignee;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.DocumentRef;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkEvents;
import io.sitework.work.api.WorkKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One sample of every domain event of work w-1 on site s-1, for tests that must cover them all. */
public final class WorkEventSamples {

    public static final String WORK = "w-1";
    public static final String SITE = "s-1";
    public static final Instant DUE = Instant.parse("2026-11-27T16:00:00Z");
    public static final Instant START = Instant.parse("2026-11-26T07:00:00Z");
    public static final Instant END = Instant.parse("2026-11-26T12:00:00Z");
    public static final ChecklistItemSpec TORQUE = new ChecklistItemSpec("torque", "Bolt torque", ChecklistItemSpec.ChecklistItemType.NUMBER,
            true, "Nm", new BigDecimal("40"), new BigDecimal("50"), null, null, true);

    private WorkEventSamples() {
    }

    public static WorkEvents.WorkRequested requested() {
        return new WorkEvents.WorkRequested(WORK, SITE, WorkKind.MAINTENANCE_CORRECTIVE, "Replace pump seal", "Leaking at the shaft",
                Priority.HIGH, "olga", DUE, List.of("a-1", "a-2"), START, END, List.of(PermitType.HOT_WORK), List.of("w-0"), "c-9",
                List.of(TORQUE), List.of("ines"), List.of(new DocumentRef("Procedure", "https://docs/p-1")), "w-origin");
    }

    /** Every domain event type once (a catalogue, not a lifecycle: the order is not one a work item could live). */
    public static List<Object> all() {
        return List.of(
                requested(),
                new WorkEvents.WorkPlanned(WORK, SITE, START, END, List.of(new Assignee(Assignee.AssigneeType.TEAM, "mech-1"))),
                new WorkEvents.DueDateChanged(WORK, SITE, DUE.plusSeconds(86_400)),
                new WorkEvents.WorkAssigned(WORK, SITE, "bruno", List.of(new Assignee(Assignee.AssigneeType.PERSON, "bruno"),
                        new Assignee(Assignee.AssigneeType.CONTRACTOR, "c-9")), List.of("ines", "olga")),
                new WorkEvents.PermitLinked(WORK, SITE, "p-1", PermitType.HOT_WORK, "APPROVED", 1),
                new WorkEvents.PermitStatusChanged(WORK, SITE, "p-1", PermitType.HOT_WORK, "APPROVED", "ISSUED", 4),
                new WorkEvents.BlockerRaised(WORK, SITE, "b-1", BlockerType.PARTS, "Seal kit not delivered", "PO-77", false),
                new WorkEvents.BlockerResolved(WORK, SITE, "b-1", BlockerType.PARTS, "Kit arrived", false),
                new WorkEvents.WorkStarted(WORK, SITE),
                new WorkEvents.WorkPutOnHold(WORK, SITE, "Waiting for the crane"),
                new WorkEvents.WorkResumed(WORK, SITE),
                new WorkEvents.ChecklistItemRecorded(WORK, SITE, "torque", "Bolt torque", "55", "Nm", ChecklistItemSpec.Result.FAILED,
                        "wrench calibrated", true),
                new WorkEvents.CommentAdded(WORK, SITE, "c-1", "Crane booked for Thursday"),
                new WorkEvents.WorkOverdue(WORK, SITE, DUE.plusSeconds(86_400), "bruno"),
                new WorkEvents.WorkCompleted(WORK, SITE, "Seal replaced"),
                new WorkEvents.WorkReopened(WORK, SITE, "Still leaking"),
                new WorkEvents.WorkClosed(WORK, SITE, true, "Checked by the supervisor"),
                new WorkEvents.WorkRejected(WORK, SITE, "Duplicate of w-0"),
                new WorkEvents.WorkCancelled(WORK, SITE, "No longer needed"));
    }

    /** The domain event types declared in {@link WorkEvents}. */
    public static Set<Class<?>> declaredTypes() {
        return Arrays.stream(WorkEvents.class.getDeclaredClasses()).filter(Class::isRecord).collect(Collectors.toSet());
    }

    /** Fails when a domain event type was added to {@link WorkEvents} without a sample in {@code samples}. */
    public static void assertCoversEveryDomainEvent(List<?> samples) {
        assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("one sample of every domain event declared in WorkEvents")
                .isEqualTo(declaredTypes());
    }
}
