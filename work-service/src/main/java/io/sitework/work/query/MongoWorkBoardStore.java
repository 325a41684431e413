package io.sitework.work.query;

import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class MongoWorkBoardStore implements WorkBoardStore {

    private final WorkDocumentRepository repository;

    MongoWorkBoardStore(WorkDocumentRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<WorkDocument> find(String workId) {
        return repository.findById(workId);
    }

    @Override
    public void save(WorkDocument document) {
        repository.save(document);
    }

    @Override
    public void clear() {
        repository.deleteAll();
    }
}
