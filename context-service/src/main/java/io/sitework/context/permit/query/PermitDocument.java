package io.sitework.context.permit.query;

import io.sitework.context.permit.api.IsolationState;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.context.permit.api.PermitView;
import io.sitework.context.permit.api.WorkStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one permit as folded from its events ({@link PermitFold}): stored as the permits read
 * model (fields are mapped directly) and built on the fly for reads from the event store.
 * {@code version} is the sequence number of the last applied event, which makes the projection
 * idempotent. {@code isolatedAssetIds} (assets with an isolation point in place) is query-shaped.
 */
@Document("permits")
public class PermitDocument {

    @Id
    public String id;
    public String siteId;
    public PermitType type;
    public PermitStatus status;
    public List<String> workIds = new ArrayList<>();
    public List<String> assetIds = new ArrayList<>();
    public List<String> isolatedAssetIds = new ArrayList<>();
    public List<String> hazards = new ArrayList<>();
    public List<String> controls = new ArrayList<>();
    public Instant validFrom;
    public Instant validTo;
    public List<Isolation> isolations = new ArrayList<>();
    public List<Work> linkedWork = new ArrayList<>();
    public String requestedBy;
    public Instant requestedAt;
    public String approvedBy;
    public Instant approvedAt;
    public String rejectedBy;
    public Instant rejectedAt;
    public String rejectReason;
    public String issuedBy;
    public Instant issuedAt;
    public String holderId;
    public String suspendedBy;
    public Instant suspendedAt;
    public String suspendReason;
    public String resumedBy;
    public Instant resumedAt;
    public Instant readyForHandBackAt;
    public String handedBackBy;
    public Instant handedBackAt;
    public String closedBy;
    public Instant closedAt;
    public String cancelledBy;
    public Instant cancelledAt;
    public String cancelReason;
    public Instant expiredAt;
    public Instant updatedAt;
    public long version = -1;

    public static class Isolation {
        public String isolationId;
        public String point;
        public String method;
        public String assetId;
        public IsolationState state;
        public String appliedBy;
        public Instant appliedAt;
        public String verifiedBy;
        public Instant verifiedAt;
        public String removedBy;
        public Instant removedAt;

        PermitView.IsolationView toView() {
            return new PermitView.IsolationView(isolationId, point, method, assetId, state, appliedBy, appliedAt, verifiedBy, verifiedAt,
                    removedBy, removedAt);
        }
    }

    public static class Work {
        public String workId;
        public WorkStatus status;
        public long sequence = -1;
    }

    public PermitView toView() {
        return new PermitView(id, siteId, type, status, List.copyOf(workIds), List.copyOf(assetIds), List.copyOf(hazards),
                List.copyOf(controls), validFrom, validTo, isolations.stream().map(Isolation::toView).toList(),
                linkedWork.stream().map(w -> new PermitView.LinkedWorkView(w.workId, w.status)).toList(),
                requestedBy, approvedBy, issuedBy, holderId, readyForHandBackAt != null,
                new PermitView.Transitions(requestedAt, approvedAt, rejectedBy, rejectedAt, rejectReason, issuedAt, suspendedBy, suspendedAt,
                        suspendReason, resumedBy, resumedAt, readyForHandBackAt, handedBackBy, handedBackAt, closedBy, closedAt, cancelledBy,
                        cancelledAt, cancelReason, expiredAt),
                updatedAt, version);
    }
}
