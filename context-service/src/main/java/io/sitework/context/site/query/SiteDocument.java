package io.sitework.context.site.query;

import io.sitework.context.site.api.SiteView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One site as folded from its events: the {@code sites} read model and the shape of event-store reads. */
@Document("sites")
public class SiteDocument {

    @Id
    private String id;
    @Indexed(unique = true, sparse = true)
    private String code;
    private String name;
    private String timeZone;
    private String registeredBy;
    private Instant registeredAt;
    private Instant updatedAt;
    private long version = -1;

    public SiteView toView() {
        return new SiteView(id, code, name, timeZone, registeredBy, registeredAt, updatedAt, version);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
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
