package io.sitework.context.publish;

import io.sitework.context.site.api.SiteEvents;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.SiteRegistered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteEventMapperTest {

    @Test
    void siteRegisteredBecomesTheV1Contract() {
        CloudEvent event = StoredEvents.published("s-1", 0, new SiteEvents.SiteRegistered("s-1", "NORTH", "North plant", "Europe/Paris"), "olga");

        assertThat(event.type()).isEqualTo("io.sitework.site.registered.v1");
        assertThat(event.siteid()).isEqualTo("s-1");
        assertThat(event.source()).isEqualTo("/sites/s-1/site/s-1");
        assertThat(event.dataAs(EventCatalog.SITE_REGISTERED))
                .isEqualTo(new SiteRegistered("s-1", "NORTH", "North plant", "Europe/Paris", "olga"));
    }
}
