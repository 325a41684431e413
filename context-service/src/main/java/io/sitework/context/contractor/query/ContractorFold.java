package io.sitework.context.contractor.query;

import io.sitework.context.contractor.api.ContractorEvents.ContractorRegistered;
import io.sitework.context.contractor.api.ContractorEvents.QualificationGranted;
import io.sitework.context.contractor.api.ContractorEvents.QualificationLapsed;
import io.sitework.context.contractor.query.ContractorDocument.Qualification;
import io.sitework.support.axon.EventContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a contractor looks like after its events; shared by the contractors projection and event-store reads. */
public final class ContractorFold {

    private ContractorFold() {
    }

    /** Applies one event in place; events at or below the state's version are ignored. Returns true if it changed. */
    public static boolean apply(ContractorDocument state, Object event, EventContext ctx) {
        if (!state.isNew(ctx)) {
            return false;
        }
        if (event instanceof ContractorRegistered e) {
            state.registered(e.contractorId(), ctx);
            state.setSiteId(e.siteId());
            state.setName(e.name());
            state.setContactEmail(e.contactEmail());
        } else if (event instanceof QualificationGranted e) {
            put(state, new Qualification(e.qualification(), e.validUntil(), ctx.actor(), ctx.recordedAt(), null, null, null, null));
        } else if (event instanceof QualificationLapsed e) {
            state.getQualifications().stream().filter(q -> q.qualification().equals(e.qualification())).findFirst().ifPresent(q ->
                    put(state, new Qualification(q.qualification(), q.validUntil(), q.grantedBy(), q.grantedAt(), e.reason(), e.note(),
                            ctx.actor(), ctx.recordedAt())));
        }
        state.folded(ctx);
        return true;
    }

    /** Replaces the entry of the same qualification; entries stay sorted by code. */
    private static void put(ContractorDocument state, Qualification qualification) {
        List<Qualification> all = new ArrayList<>(state.getQualifications());
        all.removeIf(q -> q.qualification().equals(qualification.qualification()));
        all.add(qualification);
        all.sort(Comparator.comparing(Qualification::qualification));
        state.setQualifications(all);
    }
}
