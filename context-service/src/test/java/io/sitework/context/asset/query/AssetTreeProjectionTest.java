package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetEvents;
import io.sitework.context.asset.api.AssetEvents.AssetEvent;
import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetView;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.asset.api.IsolationRef;
import io.sitework.context.readmodel.MapDocumentStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.sitework.context.asset.api.AssetStatus.IN_SERVICE;
import static io.sitework.context.asset.api.AssetStatus.ISOLATED;
import static io.sitework.context.asset.api.AssetStatus.OUT_OF_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

class AssetTreeProjectionTest {

    private final MapDocumentStore<AssetDocument> store = new MapDocumentStore<>(AssetDocument::getId);
    private final AssetTreeProjection projection = new AssetTreeProjection(store);

    private void deliver(AssetEvent event, long sequence, String actor) {
        projection.on(event, MapDocumentStore.stored(event.assetId(), sequence, event, actor,
                Instant.parse("2026-11-20T08:00:00Z").plusSeconds(sequence)), sequence);
    }

    private final AssetRegistered registered = new AssetRegistered("a-1", "s-1", "area-1", "P-101", "Feed pump", "PUMP", Criticality.A,
            IN_SERVICE);

    @Test
    void registrationCreatesTheTreeNodeOnceEvenWhenRedelivered() {
        deliver(registered, 0, "carla");
        deliver(registered, 0, "mallory");

        assertThat(store.saves).isEqualTo(1);
        AssetDocument doc = store.saved.get("a-1");
        assertThat(doc.getTagKey()).isEqualTo("P-101");
        assertThat(doc.getParentId()).isEqualTo("area-1");
        assertThat(doc.getRegisteredBy()).isEqualTo("carla");
        assertThat(doc.getStatus()).isEqualTo(IN_SERVICE);
    }

    @Test
    void movesStatusesAndIsolationsFollowTheEvents() {
        deliver(registered, 0, "carla");
        deliver(new AssetEvents.AssetMoved("a-1", "s-1", "area-1", "area-2"), 1, "sam");
        deliver(new AssetEvents.AssetStatusChanged("a-1", "s-1", IN_SERVICE, OUT_OF_SERVICE, "seal", null), 2, "sam");
        deliver(new AssetEvents.AssetIsolationAdded("a-1", "s-1", "p-1", "i-1"), 3, "system");
        deliver(new AssetEvents.AssetStatusChanged("a-1", "s-1", OUT_OF_SERVICE, ISOLATED, "isolated", "p-1"), 4, "system");
        deliver(new AssetEvents.UnderlyingStatusChanged("a-1", "s-1", OUT_OF_SERVICE, IN_SERVICE, "repaired meanwhile"), 5, "sam");

        AssetView isolated = store.saved.get("a-1").toView();
        assertThat(isolated.parentId()).isEqualTo("area-2");
        assertThat(isolated.status()).isEqualTo(ISOLATED);
        assertThat(isolated.underlyingStatus()).isEqualTo(IN_SERVICE);
        assertThat(isolated.isolations()).containsExactly(new IsolationRef("p-1", "i-1"));
        assertThat(isolated.version()).isEqualTo(5);

        deliver(new AssetEvents.AssetIsolationRemoved("a-1", "s-1", "p-1", "i-1"), 6, "system");
        deliver(new AssetEvents.AssetStatusChanged("a-1", "s-1", ISOLATED, IN_SERVICE, "removed", "p-1"), 7, "system");
        deliver(new AssetEvents.AssetMoved("a-1", "s-1", "area-2", null), 8, "sam");

        AssetView back = store.saved.get("a-1").toView();
        assertThat(back.status()).isEqualTo(AssetStatus.IN_SERVICE);
        assertThat(back.underlyingStatus()).as("only shown while isolated").isNull();
        assertThat(back.isolations()).isEmpty();
        assertThat(back.parentId()).isNull();
        assertThat(back.updatedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:08Z"));
    }
}
