package io.sitework.work.query;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface WorkDocumentRepository extends MongoRepository<WorkDocument, String> {
}
