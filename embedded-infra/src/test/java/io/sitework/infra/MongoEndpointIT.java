package io.sitework.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MongoEndpointIT {

    @Test
    void inMemoryEndpointSpeaksTheWireProtocolToTheRealDriver() {
        try (MongoEndpoint endpoint = MongoEndpoint.inProcess(0, null);
             MongoClient client = MongoClients.create(endpoint.uri("probe"))) {
            client.getDatabase("probe").getCollection("c").insertOne(new Document("_id", "a").append("n", 1));
            assertThat(client.getDatabase("probe").getCollection("c").find(new Document("_id", "a")).first().getInteger("n")).isEqualTo(1);
        }
    }

    @Test
    void fileBackedEndpointKeepsDataAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        try (MongoEndpoint endpoint = MongoEndpoint.inProcess(0, file);
             MongoClient client = MongoClients.create(endpoint.uri("probe"))) {
            client.getDatabase("probe").getCollection("c").insertOne(new Document("_id", "kept"));
        }
        try (MongoEndpoint endpoint = MongoEndpoint.inProcess(0, file);
             MongoClient client = MongoClients.create(endpoint.uri("probe"))) {
            assertThat(client.getDatabase("probe").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void uriPutsTheDatabaseBeforeTheOptions() {
        MongoEndpoint external = MongoEndpoint.external("mongodb://u:p@h1:27017,h2:27017/?replicaSet=rs0");
        assertThat(external.uri("sitework_work")).isEqualTo("mongodb://u:p@h1:27017,h2:27017/sitework_work?replicaSet=rs0");
        assertThat(MongoEndpoint.external("mongodb://h:1").uri("x")).isEqualTo("mongodb://h:1/x");
        assertThat(MongoEndpoint.external("mongodb://h:1/admin").uri("x")).isEqualTo("mongodb://h:1/x");
    }
}
