package io.sitework.context.publish;

import io.sitework.context.contractor.api.ContractorEvents;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.context.ContractorQualificationGranted;
import io.sitework.events.context.ContractorQualificationLapsed;
import io.sitework.events.context.ContractorRegistered;

/** The public events of contractors. A revocation's reason text stays private: the public reason is EXPIRED or REVOKED. */
final class ContractorEventMapper {

    private ContractorEventMapper() {
    }

    static IntegrationEvent data(Object payload, String actor) {
        if (payload instanceof ContractorEvents.ContractorRegistered e) {
            return new ContractorRegistered(e.contractorId(), e.siteId(), e.name(), e.contactEmail(), actor);
        }
        if (payload instanceof ContractorEvents.QualificationGranted e) {
            return new ContractorQualificationGranted(e.contractorId(), e.siteId(), e.qualification(), e.validUntil(), actor);
        }
        if (payload instanceof ContractorEvents.QualificationLapsed e) {
            return new ContractorQualificationLapsed(e.contractorId(), e.siteId(), e.qualification(), e.reason().name(), actor);
        }
        return null;
    }
}
