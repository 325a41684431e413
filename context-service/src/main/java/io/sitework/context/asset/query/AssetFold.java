package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetEvents.AssetIsolationAdded;
import io.sitework.context.asset.api.AssetEvents.AssetIsolationRemoved;
import io.sitework.context.asset.api.AssetEvents.AssetMoved;
import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.context.asset.api.AssetEvents.AssetStatusChanged;
import io.sitework.context.asset.api.AssetEvents.UnderlyingStatusChanged;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.IsolationRef;
import io.sitework.support.axon.EventContext;

import java.util.List;
import java.util.Locale;

/** What an asset looks like after its events; shared by the asset tree projection and event-store reads. */
public final class AssetFold {

    private AssetFold() {
    }

    /** Applies one event in place; events at or below the state's version are ignored. Returns true if it changed. */
    public static boolean apply(AssetDocument state, Object event, EventContext ctx) {
        if (!state.isNew(ctx)) {
            return false;
        }
        if (event instanceof AssetRegistered e) {
            state.registered(e.assetId(), ctx);
            state.setSiteId(e.siteId());
            state.setParentId(e.parentId());
            state.setTag(e.tag());
            state.setTagKey(e.tag().toUpperCase(Locale.ROOT));
            state.setName(e.name());
            state.setAssetClass(e.assetClass());
            state.setCriticality(e.criticality());
            state.setStatus(e.status());
            state.setUnderlyingStatus(e.status());
        } else if (event instanceof AssetMoved e) {
            state.setParentId(e.parentId());
        } else if (event instanceof AssetStatusChanged e) {
            state.setStatus(e.status());
            if (e.status() != AssetStatus.ISOLATED) {
                state.setUnderlyingStatus(e.status());
            }
        } else if (event instanceof UnderlyingStatusChanged e) {
            state.setUnderlyingStatus(e.status());
        } else if (event instanceof AssetIsolationAdded e) {
            List<IsolationRef> isolations = state.getIsolations();
            isolations.add(new IsolationRef(e.permitId(), e.isolationId()));
            state.setIsolations(isolations);
        } else if (event instanceof AssetIsolationRemoved e) {
            List<IsolationRef> isolations = state.getIsolations();
            isolations.remove(new IsolationRef(e.permitId(), e.isolationId()));
            state.setIsolations(isolations);
        }
        state.folded(ctx);
        return true;
    }
}
