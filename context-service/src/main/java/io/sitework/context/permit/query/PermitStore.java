package io.sitework.context.permit.query;

import java.util.Optional;

/** Where the permits read model keeps its documents; MongoDB in production, a map in projection tests. */
public interface PermitStore {

    Optional<PermitDocument> find(String permitId);

    void save(PermitDocument document);

    void clear();
}
