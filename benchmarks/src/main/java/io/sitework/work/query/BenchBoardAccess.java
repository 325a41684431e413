package io.sitework.work.query;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The benchmark's door to work-service's package-private board store: the replay under Axon's default
 * processor settings folds events with the very {@link WorkBoardProjection} the service uses, into a
 * collection of its own.
 */
public final class BenchBoardAccess {

    private BenchBoardAccess() {
    }

    public static WorkBoardProjection projectionInto(MongoTemplate mongo, String collection) {
        return new WorkBoardProjection(new MongoWorkBoardStore(mongo, () -> collection));
    }
}
