package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetView;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.asset.api.IsolationRef;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One asset as folded from its events: the asset tree's read model and the shape of event-store reads. */
@Document("assets")
public class AssetDocument {

    @Id
    private String id;
    @Indexed
    private String siteId;
    @Indexed
    private String parentId;
    private String tag;
    /** Upper-cased tag, for case-insensitive prefix search with an anchored regex. */
    private String tagKey;
    private String name;
    private String assetClass;
    private Criticality criticality;
    private AssetStatus status;
    private AssetStatus underlyingStatus;
    private List<IsolationRef> isolations = new ArrayList<>();
    private String registeredBy;
    private Instant registeredAt;
    private Instant updatedAt;
    private long version = -1;

    public AssetView toView() {
        return new AssetView(id, siteId, parentId, tag, name, assetClass, criticality, status,
                status == AssetStatus.ISOLATED ? underlyingStatus : null, List.copyOf(isolations), registeredBy, registeredAt, updatedAt, version);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getTagKey() {
        return tagKey;
    }

    public void setTagKey(String tagKey) {
        this.tagKey = tagKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAssetClass() {
        return assetClass;
    }

    public void setAssetClass(String assetClass) {
        this.assetClass = assetClass;
    }

    public Criticality getCriticality() {
        return criticality;
    }

    public void setCriticality(Criticality criticality) {
        this.criticality = criticality;
    }

    public AssetStatus getStatus() {
        return status;
    }

    public void setStatus(AssetStatus status) {
        this.status = status;
    }

    public AssetStatus getUnderlyingStatus() {
        return underlyingStatus;
    }

    public void setUnderlyingStatus(AssetStatus underlyingStatus) {
        this.underlyingStatus = underlyingStatus;
    }

    public List<IsolationRef> getIsolations() {
        return isolations;
    }

    public void setIsolations(List<IsolationRef> isolations) {
        this.isolations = isolations == null ? new ArrayList<>() : new ArrayList<>(isolations);
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
