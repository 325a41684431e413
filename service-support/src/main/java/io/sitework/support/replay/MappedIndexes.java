package io.sitework.support.replay;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The indexes a document class declares ({@code @Indexed}, {@code @CompoundIndex}), created on a
 * collection of our choosing: Spring's automatic index creation only knows the class's own collection,
 * not the one a rebuild fills.
 */
public final class MappedIndexes {

    private MappedIndexes() {
    }

    public static void declare(MongoTemplate mongo, Class<?> type, String collection) {
        MongoMappingContext context = (MongoMappingContext) mongo.getConverter().getMappingContext();
        IndexOperations indexes = mongo.indexOps(collection);
        for (IndexDefinition index : new MongoPersistentEntityIndexResolver(context).resolveIndexFor(type)) {
            indexes.createIndex(index);
        }
    }
}
