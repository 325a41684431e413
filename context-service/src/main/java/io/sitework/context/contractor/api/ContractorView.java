package io.sitework.context.contractor.api;

import java.time.Instant;
import java.util.List;

public record ContractorView(
        String id,
        String siteId,
        String name,
        String contactEmail,
        List<QualificationView> qualifications,
        String registeredBy,
        Instant registeredAt,
        Instant updatedAt,
        long version) {

    /**
     * One qualification, granted once or renewed; {@code valid} when it has not lapsed and its validity has not
     * ended at the instant read (now, or {@code asOf}).
     */
    public record QualificationView(
            String qualification,
            boolean valid,
            Instant validUntil,
            String grantedBy,
            Instant grantedAt,
            LapseReason lapseReason,
            String lapseNote,
            String lapsedBy,
            Instant lapsedAt) {
    }
}
