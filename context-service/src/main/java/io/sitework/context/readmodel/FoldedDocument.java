package io.sitework.context.readmodel;

import io.sitework.support.axon.EventContext;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * What every document folded from one aggregate's events keeps: the aggregate's id, who created it and when, when it
 * last changed and the sequence of its last event (its version, so a redelivered event is recognised and skipped).
 */
public abstract class FoldedDocument {

    @Id
    private String id;
    private String registeredBy;
    private Instant registeredAt;
    private Instant updatedAt;
    private long version = -1;

    /** Whether the event is newer than what the document has folded (false for a redelivery). */
    public boolean isNew(EventContext ctx) {
        return ctx.sequence() > version;
    }

    /** The aggregate's creation: its id, and who created it when. */
    public void registered(String aggregateId, EventContext ctx) {
        id = aggregateId;
        registeredBy = ctx.actor();
        registeredAt = ctx.recordedAt();
    }

    /** After any event: when the document changed and its new version. */
    public void folded(EventContext ctx) {
        updatedAt = ctx.recordedAt();
        version = ctx.sequence();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public void setRegisteredBy(String registeredBy) {
        this.registeredBy = registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(Instant registeredAt) {
        this.registeredAt = registeredAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
