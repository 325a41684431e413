package io.sitework.context.site.query;

import io.sitework.context.readmodel.FoldedDocument;
import io.sitework.context.site.api.SiteView;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One site as folded from its events: the {@code sites} read model and the shape of event-store reads. */
@Document("sites")
public class SiteDocument extends FoldedDocument {

    @Indexed(unique = true, sparse = true)
    private String code;
    private String name;
    private String timeZone;

    public SiteView toView() {
        return new SiteView(getId(), code, name, timeZone, getRegisteredBy(), getRegisteredAt(), getUpdatedAt(), getVersion());
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
}
