package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.support.axon.EventContext;

import java.util.Locale;

/** What an asset looks like after its events; shared by the asset tree projection and event-store reads. */
public final class AssetFold {

    private AssetFold() {
    }

    /** Applies one event in place; events at or below the state's version are ignored. Returns true if it changed. */
    public static boolean apply(AssetDocument state, Object event, EventContext ctx) {
        if (ctx.sequence() <= state.getVersion()) {
            return false;
        }
        if (event instanceof AssetRegistered e) {
            state.setId(e.assetId());
            state.setSiteId(e.siteId());
            state.setParentId(e.parentId());
            state.setTag(e.tag());
            state.setTagKey(e.tag().toUpperCase(Locale.ROOT));
            state.setName(e.name());
            state.setAssetClass(e.assetClass());
            state.setCriticality(e.criticality());
            state.setStatus(e.status());
            state.setRegisteredBy(ctx.actor());
            state.setRegisteredAt(ctx.recordedAt());
        }
        state.setUpdatedAt(ctx.recordedAt());
        state.setVersion(ctx.sequence());
        return true;
    }
}
