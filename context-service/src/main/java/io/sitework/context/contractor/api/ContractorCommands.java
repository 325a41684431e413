package io.sitework.context.contractor.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * The commands of the Contractor aggregate. Commands on an existing contractor carry {@code expectedVersion}
 * (the caller's If-Match), or null to act on the latest.
 */
public final class ContractorCommands {

    private ContractorCommands() {
    }

    /** A contractor company working on a site. */
    public record RegisterContractor(@TargetAggregateIdentifier String contractorId, String siteId, String name, String contactEmail) {
    }

    /**
     * Grants a qualification (an upper-case code such as HOT_WORK), or renews it: it holds until {@code validUntil}
     * (null: no end), when it lapses as EXPIRED.
     */
    public record GrantQualification(@TargetAggregateIdentifier String contractorId, @TargetAggregateVersion Long expectedVersion,
                                     String qualification, Instant validUntil) {
    }

    /** A person withdraws a qualification before its end: it lapses as REVOKED. */
    public record RevokeQualification(@TargetAggregateIdentifier String contractorId, @TargetAggregateVersion Long expectedVersion,
                                      String qualification, String reason) {
    }
}
