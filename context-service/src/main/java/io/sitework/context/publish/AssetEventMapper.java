package io.sitework.context.publish;

import io.sitework.context.asset.api.AssetEvents;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.context.AssetMoved;
import io.sitework.events.context.AssetRegistered;
import io.sitework.events.context.AssetStatusChanged;

/**
 * The public events of assets. The isolation pairs and the status underneath an isolation stay private: what
 * the outside sees is the status people see, and when it changes because of a permit, that permit.
 */
final class AssetEventMapper {

    private AssetEventMapper() {
    }

    static IntegrationEvent data(Object payload, String actor) {
        if (payload instanceof AssetEvents.AssetRegistered e) {
            return new AssetRegistered(e.assetId(), e.siteId(), e.parentId(), e.tag(), e.name(), e.assetClass(), e.criticality().name(),
                    e.status().name());
        }
        if (payload instanceof AssetEvents.AssetMoved e) {
            return new AssetMoved(e.assetId(), e.siteId(), e.previousParentId(), e.parentId(), actor);
        }
        if (payload instanceof AssetEvents.AssetStatusChanged e) {
            return new AssetStatusChanged(e.assetId(), e.siteId(), e.previousStatus().name(), e.status().name(), e.reason(), e.permitId(),
                    actor);
        }
        return null;
    }
}
