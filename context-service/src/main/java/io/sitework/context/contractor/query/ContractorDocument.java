package io.sitework.context.contractor.query;

import io.sitework.context.readmodel.FoldedDocument;
import io.sitework.context.contractor.api.ContractorView;
import io.sitework.context.contractor.api.LapseReason;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One contractor as folded from its events: the {@code contractors} read model and the shape of event-store reads. */
@Document("contractors")
public class ContractorDocument extends FoldedDocument {

    /** A qualification as last granted, and its lapse if it lapsed since. */
    public record Qualification(String qualification, Instant validUntil, String grantedBy, Instant grantedAt,
                                LapseReason lapseReason, String lapseNote, String lapsedBy, Instant lapsedAt) {

        boolean validAt(Instant at) {
            return lapsedAt == null && (validUntil == null || validUntil.isAfter(at));
        }
    }

    @Indexed
    private String siteId;
    private String name;
    private String contactEmail;
    private List<Qualification> qualifications = new ArrayList<>();

    /** The view at an instant: a qualification is valid if it has not lapsed and its end is after {@code at}. */
    public ContractorView toView(Instant at) {
        List<ContractorView.QualificationView> views = qualifications.stream()
                .map(q -> new ContractorView.QualificationView(q.qualification(), q.validAt(at), q.validUntil(), q.grantedBy(), q.grantedAt(),
                        q.lapseReason(), q.lapseNote(), q.lapsedBy(), q.lapsedAt()))
                .toList();
        return new ContractorView(getId(), siteId, name, contactEmail, views, getRegisteredBy(), getRegisteredAt(), getUpdatedAt(), getVersion());
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public List<Qualification> getQualifications() {
        return qualifications;
    }

    public void setQualifications(List<Qualification> qualifications) {
        this.qualifications = qualifications == null ? new ArrayList<>() : new ArrayList<>(qualifications);
    }
}
