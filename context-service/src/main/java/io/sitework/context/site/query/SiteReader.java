package io.sitework.context.site.query;

import io.sitework.context.readmodel.Projections;
import io.sitework.context.site.api.SiteView;
import io.sitework.support.domain.NotFoundException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** One site straight from the event store: consistent with the last command, and answerable as of any instant. */
@Component
public class SiteReader {

    private final EventStore eventStore;

    public SiteReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public SiteView asOf(String siteId, Instant asOf) {
        return Projections.read(eventStore, siteId, asOf, new SiteDocument(), SiteFold::apply, s -> s.getId() != null, "site").toView();
    }

    /** The site now, or empty if there is none with that id (or the id is another kind of item's). */
    public Optional<SiteView> find(String siteId) {
        try {
            return Optional.of(asOf(siteId, null));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Whether anything (a site or any other item) has this id. */
    public boolean exists(String siteId) {
        return eventStore.readEvents(siteId, 0).hasNext();
    }
}
