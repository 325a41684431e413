package io.sitework.context.asset.query;

import io.sitework.context.readmodel.FoldedDocument;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetView;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.asset.api.IsolationRef;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** One asset as folded from its events: the asset tree's read model and the shape of event-store reads. */
@Document("assets")
public class AssetDocument extends FoldedDocument {

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

    public AssetView toView() {
        return new AssetView(getId(), siteId, parentId, tag, name, assetClass, criticality, status,
                status == AssetStatus.ISOLATED ? underlyingStatus : null, List.copyOf(isolations), getRegisteredBy(), getRegisteredAt(), getUpdatedAt(), getVersion());
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
}
