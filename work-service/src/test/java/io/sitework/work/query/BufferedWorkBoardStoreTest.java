package io.sitework.work.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.sitework.infra.MongoEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild's write-behind board, on the in-process MongoDB the embedded default uses. */
class BufferedWorkBoardStoreTest {

    private static MongoEndpoint endpoint;
    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        endpoint = MongoEndpoint.inProcess(0, null);
        client = MongoClients.create(endpoint.connectionString());
        mongo = new MongoTemplate(client, "buffered_board");
    }

    @AfterAll
    static void stop() {
        client.close();
        endpoint.close();
    }

    private static WorkDocument document(String id, String title) {
        WorkDocument document = new WorkDocument();
        document.id = id;
        document.siteId = "site-1";
        document.title = title;
        return document;
    }

    private static long stored(String collection) {
        return mongo.count(new Query(), WorkDocument.class, collection);
    }

    @Test
    void changesAreWrittenInBulkOncePerDocumentAndBatch() {
        String collection = "work_" + UUID.randomUUID().toString().substring(0, 8);
        BufferedWorkBoardStore store = new BufferedWorkBoardStore(mongo, collection, 3, 10);

        // one document folded many times is one pending write
        for (int i = 0; i < 5; i++) {
            WorkDocument a = store.find("a").orElseGet(() -> document("a", "first"));
            a.title = "version " + i;
            store.save(a);
        }
        assertThat(store.pending()).isEqualTo(1);
        assertThat(stored(collection)).as("nothing written before the batch fills").isZero();

        store.save(document("b", "b"));
        store.save(document("c", "c"));
        assertThat(store.pending()).as("the third changed document fills the batch").isZero();
        assertThat(store.writes()).isEqualTo(3);
        assertThat(mongo.findById("a", WorkDocument.class, collection).title).isEqualTo("version 4");

        // later changes of a written document update it (an upsert that replaces, not a second document)
        WorkDocument a = store.find("a").orElseThrow();
        a.title = "after the bulk";
        store.save(a);
        store.flush();
        assertThat(stored(collection)).isEqualTo(3);
        assertThat(mongo.findById("a", WorkDocument.class, collection).title).isEqualTo("after the bulk");
        store.flush();
        assertThat(store.writes()).as("a flush with nothing changed writes nothing").isEqualTo(4);
    }

    @Test
    void documentsBeyondTheCapacityAreForgottenOnlyOnceWrittenAndReadBackWhenNeeded() {
        String collection = "work_" + UUID.randomUUID().toString().substring(0, 8);
        BufferedWorkBoardStore store = new BufferedWorkBoardStore(mongo, collection, 2, 2);
        store.save(document("a", "a"));
        store.save(document("b", "b"));
        store.save(document("c", "c"));
        store.flush();
        assertThat(stored(collection)).isEqualTo(3);

        // "a", the least recently used, was forgotten: it is read back from MongoDB, as written
        mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is("a")),
                org.springframework.data.mongodb.core.query.Update.update("title", "read back"), WorkDocument.class, collection);
        assertThat(store.find("a")).get().extracting(d -> d.title).isEqualTo("read back");
        // "c", recently used, is served from memory
        assertThat(store.find("c")).get().extracting(d -> d.title).isEqualTo("c");
        assertThat(store.find("unknown")).isEmpty();
    }

    @Test
    void clearForgetsWhatIsHeldAndEmptiesTheCollection() {
        String collection = "work_" + UUID.randomUUID().toString().substring(0, 8);
        BufferedWorkBoardStore store = new BufferedWorkBoardStore(mongo, collection, 1, 4);
        store.save(document("a", "a"));
        store.save(document("b", "b"));
        store.clear();
        assertThat(stored(collection)).isZero();
        assertThat(store.find("a")).isEmpty();
        assertThatThrownBy(() -> new BufferedWorkBoardStore(mongo, collection, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BufferedWorkBoardStore(mongo, collection, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
