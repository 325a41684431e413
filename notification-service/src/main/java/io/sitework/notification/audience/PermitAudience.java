package io.sitework.notification.audience;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.context.PermitEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who stands behind a permit to work: its requester and holder, its status and the work under it.
 * Fed from {@code sitework.context.v1}; applied once per permit event by its sequence.
 */
@Document(PermitAudience.COLLECTION)
public class PermitAudience {

    public static final String COLLECTION = "permit_audience";

    @Id
    public String id;
    public String siteId;
    public String permitType;
    public String status;
    public String requestedBy;
    public String holderId;
    public List<String> workIds = new ArrayList<>();
    public long lastSequence = -1;

    /** The permit event in the record, if it is one. */
    public static Optional<PermitEvent> permitEvent(CloudEvent event) {
        Optional<EventType<?>> type = EventCatalog.find(event.type());
        if (type.isEmpty() || !PermitEvent.class.isAssignableFrom(type.get().dataClass())) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        EventType<IntegrationEvent> eventType = (EventType<IntegrationEvent>) type.get();
        return Optional.of((PermitEvent) event.dataAs(eventType));
    }

    public PermitAudience after(CloudEvent event, PermitEvent permit) {
        PermitAudience next = new PermitAudience();
        next.id = permit.permitId();
        next.siteId = siteId == null ? event.siteid() : siteId;
        next.permitType = permit.permitType();
        next.status = permit.status();
        next.requestedBy = requestedBy;
        next.holderId = holderId;
        next.workIds = permit.workIds() == null ? new ArrayList<>(workIds) : new ArrayList<>(permit.workIds());
        next.lastSequence = event.sequence();
        if (event.type().equals(EventCatalog.PERMIT_REQUESTED.type())) {
            next.requestedBy = event.dataAs(EventCatalog.PERMIT_REQUESTED).requestedBy();
        } else if (event.type().equals(EventCatalog.PERMIT_ISSUED.type())) {
            next.holderId = event.dataAs(EventCatalog.PERMIT_ISSUED).holderId();
        }
        return next;
    }
}
