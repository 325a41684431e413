package io.sitework.context.contractor.query;

import io.sitework.context.contractor.api.ContractorEvents;
import io.sitework.context.contractor.api.ContractorEvents.ContractorEvent;
import io.sitework.context.contractor.api.ContractorView;
import io.sitework.context.contractor.api.LapseReason;
import io.sitework.context.readmodel.MapDocumentStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ContractorProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private final MapDocumentStore<ContractorDocument> store = new MapDocumentStore<>(ContractorDocument::getId);
    private final ContractorProjection projection = new ContractorProjection(store);

    private void deliver(ContractorEvent event, long sequence, String actor, Instant at) {
        projection.on(event, MapDocumentStore.stored(event.contractorId(), sequence, event, actor, at), sequence);
    }

    @Test
    void qualificationsAreValidUntilTheirEndOrTheirLapse() {
        Instant until = T0.plusSeconds(3600);
        deliver(new ContractorEvents.ContractorRegistered("c-1", "s-1", "Acme", null), 0, "paula", T0);
        deliver(new ContractorEvents.QualificationGranted("c-1", "s-1", "HOT_WORK", until), 1, "paula", T0);
        deliver(new ContractorEvents.QualificationGranted("c-1", "s-1", "ELECTRICAL", null), 2, "paula", T0);
        deliver(new ContractorEvents.QualificationGranted("c-1", "s-1", "ELECTRICAL", null), 2, "paula", T0);

        assertThat(store.saves).as("a redelivery changes nothing").isEqualTo(3);
        ContractorView now = store.saved.get("c-1").toView(T0.plusSeconds(60));
        assertThat(now.qualifications()).extracting(ContractorView.QualificationView::qualification).containsExactly("ELECTRICAL", "HOT_WORK");
        assertThat(now.qualifications()).allMatch(ContractorView.QualificationView::valid);
        ContractorView afterTheEnd = store.saved.get("c-1").toView(until);
        assertThat(afterTheEnd.qualifications().get(1).valid()).as("not valid from its end, even before the lapse is recorded").isFalse();

        deliver(new ContractorEvents.QualificationLapsed("c-1", "s-1", "ELECTRICAL", LapseReason.REVOKED, "unsafe"), 3, "paula",
                T0.plusSeconds(120));
        ContractorView.QualificationView electrical = store.saved.get("c-1").toView(T0.plusSeconds(180)).qualifications().get(0);
        assertThat(electrical.valid()).isFalse();
        assertThat(electrical.lapseReason()).isEqualTo(LapseReason.REVOKED);
        assertThat(electrical.lapseNote()).isEqualTo("unsafe");
        assertThat(electrical.lapsedBy()).isEqualTo("paula");
        assertThat(electrical.lapsedAt()).isEqualTo(T0.plusSeconds(120));

        deliver(new ContractorEvents.QualificationGranted("c-1", "s-1", "ELECTRICAL", null), 4, "sam", T0.plusSeconds(240));
        ContractorView.QualificationView renewed = store.saved.get("c-1").toView(T0.plusSeconds(300)).qualifications().get(0);
        assertThat(renewed.valid()).isTrue();
        assertThat(renewed.lapseReason()).isNull();
        assertThat(renewed.grantedBy()).isEqualTo("sam");
    }
}
