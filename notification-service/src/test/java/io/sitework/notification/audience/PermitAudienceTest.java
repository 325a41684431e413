package io.sitework.notification.audience;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.PermitApproved;
import io.sitework.events.context.PermitEvent;
import io.sitework.events.context.PermitIssued;
import io.sitework.events.context.PermitRequested;
import io.sitework.events.context.PermitSuspended;
import io.sitework.events.work.WorkStarted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sitework.notification.UnitEvents.SITE;
import static io.sitework.notification.UnitEvents.T0;
import static io.sitework.notification.UnitEvents.WORK;
import static io.sitework.notification.UnitEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

class PermitAudienceTest {

    private static final String PERMIT = "p-1";

    @Test
    void theRequesterIsLearnedAtRequestAndTheHolderAtIssueAndBothAreKept() {
        PermitAudience requested = apply(new PermitAudience(), event(EventCatalog.PERMIT_REQUESTED, 0, "u-rita", permitRequested()));
        assertThat(requested.id).isEqualTo(PERMIT);
        assertThat(requested.siteId).isEqualTo(SITE);
        assertThat(requested.permitType).isEqualTo("CONFINED_SPACE");
        assertThat(requested.status).isEqualTo("REQUESTED");
        assertThat(requested.requestedBy).isEqualTo("u-rita");
        assertThat(requested.holderId).isNull();
        assertThat(requested.workIds).containsExactly(WORK);
        assertThat(requested.lastSequence).isZero();

        PermitAudience approved = apply(requested, event(EventCatalog.PERMIT_APPROVED, 1, "u-paula",
                new PermitApproved(PERMIT, SITE, "CONFINED_SPACE", "APPROVED", List.of(WORK, "w-2"), "u-paula")));
        PermitAudience issued = apply(approved, event(EventCatalog.PERMIT_ISSUED, 2, "u-paula",
                new PermitIssued(PERMIT, SITE, "CONFINED_SPACE", "ISSUED", List.of(WORK, "w-2"), "u-paula", "u-henry", T0.plusSeconds(36_000))));
        PermitAudience suspended = apply(issued, event(EventCatalog.PERMIT_SUSPENDED, 3, "u-paula",
                new PermitSuspended(PERMIT, SITE, "CONFINED_SPACE", "SUSPENDED", List.of(WORK, "w-2"), "u-paula", "gas alarm")));

        assertThat(approved.requestedBy).isEqualTo("u-rita");
        assertThat(approved.workIds).containsExactly(WORK, "w-2");
        assertThat(issued.holderId).isEqualTo("u-henry");
        assertThat(suspended.holderId).isEqualTo("u-henry");
        assertThat(suspended.requestedBy).isEqualTo("u-rita");
        assertThat(suspended.status).isEqualTo("SUSPENDED");
        assertThat(suspended.lastSequence).isEqualTo(3);
        assertThat(requested.status).as("the view before is unchanged").isEqualTo("REQUESTED");
        assertThat(requested.workIds).containsExactly(WORK);
    }

    @Test
    void onlyPermitEventsArePermitEvents() {
        CloudEvent permit = event(EventCatalog.PERMIT_REQUESTED, 0, "u-rita", permitRequested());
        CloudEvent work = event(EventCatalog.WORK_STARTED, 1, "u-t", new WorkStarted(WORK, SITE, "u-t"));
        CloudEvent unknown = new CloudEvent("e-x", "/sites/" + SITE + "/x/" + WORK, "io.sitework.unheard_of.v1", WORK, T0, SITE, 0, null,
                "u-t", new WorkStarted(WORK, SITE, "u-t"));

        assertThat(PermitAudience.permitEvent(permit)).get().extracting(PermitEvent::permitId).isEqualTo(PERMIT);
        assertThat(PermitAudience.permitEvent(work)).isEmpty();
        assertThat(PermitAudience.permitEvent(unknown)).isEmpty();
    }

    private static PermitAudience apply(PermitAudience before, CloudEvent event) {
        return before.after(event, PermitAudience.permitEvent(event).orElseThrow());
    }

    static PermitRequested permitRequested() {
        return new PermitRequested(PERMIT, SITE, "CONFINED_SPACE", "REQUESTED", List.of(WORK), List.of(), List.of("toxic atmosphere"),
                List.of("gas test"), T0, T0.plusSeconds(36_000), List.of(), "u-rita");
    }
}
