package io.sitework.context.publish;

import io.sitework.context.asset.api.AssetEvents;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.AssetMoved;
import io.sitework.events.context.AssetStatusChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssetEventMapperTest {

    @Test
    void aMoveNamesBothParentsAndWhoMovedIt() {
        CloudEvent event = StoredEvents.published("a-1", 3, new AssetEvents.AssetMoved("a-1", "s-1", "area-1", null), "sam");

        assertThat(event.type()).isEqualTo("io.sitework.asset.moved.v1");
        assertThat(event.source()).isEqualTo("/sites/s-1/assets/a-1");
        assertThat(event.dataAs(EventCatalog.ASSET_MOVED)).isEqualTo(new AssetMoved("a-1", "s-1", "area-1", null, "sam"));
    }

    @Test
    void aPersonsStatusChangeCarriesTheReasonAndNoPermit() {
        CloudEvent event = StoredEvents.published("a-1", 1,
                new AssetEvents.AssetStatusChanged("a-1", "s-1", AssetStatus.IN_SERVICE, AssetStatus.OUT_OF_SERVICE, "seal leaking", null),
                "sam");

        assertThat(event.type()).isEqualTo("io.sitework.asset.status_changed.v1");
        assertThat(event.dataAs(EventCatalog.ASSET_STATUS_CHANGED))
                .isEqualTo(new AssetStatusChanged("a-1", "s-1", "IN_SERVICE", "OUT_OF_SERVICE", "seal leaking", null, "sam"));
    }

    @Test
    void anIsolationsStatusChangeNamesThePermit() {
        CloudEvent event = StoredEvents.published("a-1", 2,
                new AssetEvents.AssetStatusChanged("a-1", "s-1", AssetStatus.OUT_OF_SERVICE, AssetStatus.ISOLATED, "isolation applied", "p-1"),
                "system:permit-isolations");

        assertThat(event.dataAs(EventCatalog.ASSET_STATUS_CHANGED).permitId()).isEqualTo("p-1");
        assertThat(event.dataAs(EventCatalog.ASSET_STATUS_CHANGED).previousStatus()).isEqualTo("OUT_OF_SERVICE");
        assertThat(event.dataAs(EventCatalog.ASSET_STATUS_CHANGED).status()).isEqualTo("ISOLATED");
        assertThat(event.dataAs(EventCatalog.ASSET_STATUS_CHANGED).changedBy()).isEqualTo("system:permit-isolations");
    }

    @Test
    void isolationPairsAndTheStatusUnderneathStayPrivate() {
        assertThat(StoredEvents.isPublished(new AssetEvents.AssetIsolationAdded("a-1", "s-1", "p-1", "i-1"))).isFalse();
        assertThat(StoredEvents.isPublished(new AssetEvents.AssetIsolationRemoved("a-1", "s-1", "p-1", "i-1"))).isFalse();
        assertThat(StoredEvents.isPublished(new AssetEvents.UnderlyingStatusChanged("a-1", "s-1", AssetStatus.IN_SERVICE,
                AssetStatus.OUT_OF_SERVICE, "crack"))).isFalse();
    }
}
