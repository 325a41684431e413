package io.sitework.context.readmodel;

import java.util.Optional;

/** Where a projection keeps its documents: MongoDB in production, a map in projection tests. */
public interface DocumentStore<D> {

    Optional<D> find(String id);

    void save(D document);

    void clear();
}
