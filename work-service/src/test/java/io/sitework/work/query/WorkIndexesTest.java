package io.sitework.work.query;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.Index;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkIndexesTest {

    @Test
    void theListsAndBoardsHaveTheirIndexes() {
        List<Document> keys = WorkIndexes.definitions().stream().map(Index::getIndexKeys).toList();
        assertThat(keys).contains(
                new Document("siteId", 1).append("status", 1),
                new Document("siteId", 1).append("dueAt", 1),
                new Document("siteId", 1).append("blocked", 1),
                new Document("siteId", 1).append("requestedAt", -1),
                new Document("assigneeIds", 1),
                new Document("assetIds", 1),
                new Document("permitIds", 1),
                new Document("ownerId", 1),
                new Document("blockers.raisedBy", 1));
        assertThat(WorkIndexes.definitions()).allSatisfy(index -> assertThat(index.getIndexOptions().getString("name")).isNotBlank());
        assertThat(WorkIndexes.definitions()).noneSatisfy(index -> assertThat(index.getIndexOptions().get("unique")).isEqualTo(true));
    }
}
