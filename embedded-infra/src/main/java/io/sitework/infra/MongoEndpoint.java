package io.sitework.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB endpoint: the one named by {@code SITEWORK_MONGO_URI}, else an in-process server that
 * speaks the MongoDB wire protocol (mongo-java-server), in memory or persisted to an H2 file.
 * Only features both it and real MongoDB support are used by Sitework (see STACK.md).
 */
public final class MongoEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoEndpoint.class);

    private final String connectionString;
    private final MongoServer server;

    private MongoEndpoint(String connectionString, MongoServer server) {
        this.connectionString = connectionString;
        this.server = server;
    }

    public static MongoEndpoint external(String uri) {
        return new MongoEndpoint(uri, null);
    }

    /** An in-process server on 127.0.0.1; {@code port} 0 picks a free one; {@code file} null keeps data in memory. */
    public static MongoEndpoint inProcess(int port, Path file) {
        MongoServer server;
        if (file == null) {
            server = new MongoServer(new MemoryBackend());
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create " + file.getParent(), e);
            }
            server = new MongoServer(new H2Backend(file.toString()));
        }
        server.bind(new InetSocketAddress("127.0.0.1", port));
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("Started in-process MongoDB endpoint at {}{}", uri, file == null ? " (in memory)" : " (file " + file + ")");
        return new MongoEndpoint(uri, server);
    }

    public boolean isInProcess() {
        return server != null;
    }

    /** The server's connection string, without a database. */
    public String connectionString() {
        return connectionString;
    }

    /** A connection string naming a database, e.g. for spring.data.mongodb.uri. */
    public String uri(String database) {
        String base = connectionString;
        int query = base.indexOf('?');
        String options = query < 0 ? "" : base.substring(query);
        String withoutOptions = query < 0 ? base : base.substring(0, query);
        int schemeEnd = withoutOptions.indexOf("://") + 3;
        int pathStart = withoutOptions.indexOf('/', schemeEnd);
        String hosts = pathStart < 0 ? withoutOptions : withoutOptions.substring(0, pathStart);
        return hosts + "/" + database + options;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
