package io.sitework.context.publish;

import io.sitework.context.contractor.api.ContractorEvents;
import io.sitework.context.contractor.api.LapseReason;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.ContractorQualificationGranted;
import io.sitework.events.context.ContractorQualificationLapsed;
import io.sitework.events.context.ContractorRegistered;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ContractorEventMapperTest {

    @Test
    void registrationBecomesTheV1Contract() {
        CloudEvent event = StoredEvents.published("c-1", 0,
                new ContractorEvents.ContractorRegistered("c-1", "s-1", "Acme Welding", "ops@acme.example"), "paula");

        assertThat(event.type()).isEqualTo("io.sitework.contractor.registered.v1");
        assertThat(event.source()).isEqualTo("/sites/s-1/contractors/c-1");
        assertThat(event.dataAs(EventCatalog.CONTRACTOR_REGISTERED))
                .isEqualTo(new ContractorRegistered("c-1", "s-1", "Acme Welding", "ops@acme.example", "paula"));
    }

    @Test
    void aGrantCarriesItsEnd() {
        Instant until = Instant.parse("2027-03-01T00:00:00Z");
        CloudEvent event = StoredEvents.published("c-1", 1,
                new ContractorEvents.QualificationGranted("c-1", "s-1", "HOT_WORK", until), "paula");

        assertThat(event.type()).isEqualTo("io.sitework.contractor.qualification_granted.v1");
        assertThat(event.dataAs(EventCatalog.CONTRACTOR_QUALIFICATION_GRANTED))
                .isEqualTo(new ContractorQualificationGranted("c-1", "s-1", "HOT_WORK", until, "paula"));
    }

    @Test
    void aLapseSaysExpiredOrRevokedButNotThePersonsText() {
        CloudEvent expired = StoredEvents.published("c-1", 2,
                new ContractorEvents.QualificationLapsed("c-1", "s-1", "HOT_WORK", LapseReason.EXPIRED, null), "system:qualification-lapse");
        CloudEvent revoked = StoredEvents.published("c-1", 3,
                new ContractorEvents.QualificationLapsed("c-1", "s-1", "ELECTRICAL", LapseReason.REVOKED, "unsafe wiring"), "paula");

        assertThat(expired.type()).isEqualTo("io.sitework.contractor.qualification_lapsed.v1");
        assertThat(expired.dataAs(EventCatalog.CONTRACTOR_QUALIFICATION_LAPSED))
                .isEqualTo(new ContractorQualificationLapsed("c-1", "s-1", "HOT_WORK", "EXPIRED", "system:qualification-lapse"));
        assertThat(revoked.dataAs(EventCatalog.CONTRACTOR_QUALIFICATION_LAPSED))
                .isEqualTo(new ContractorQualificationLapsed("c-1", "s-1", "ELECTRICAL", "REVOKED", "paula"));
    }
}
