package io.sitework.work.query;

import java.util.Optional;

/** Where the work board keeps its documents; MongoDB in production, a map in projection tests. */
public interface WorkBoardStore {

    Optional<WorkDocument> find(String workId);

    void save(WorkDocument document);

    void clear();

    /** Writes what is held back, for a store that writes behind (a rebuild's); the live store writes at once. */
    default void flush() {
    }
}
