package io.sitework.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes history straight into work-service's event store, fast: rows of real events (made by real commands)
 * cloned under new aggregate ids into the real {@code domainevententry} table, whose triggers give every row its
 * hash-chain link and record the aggregate's site — as if the commands had run.
 */
final class Generator {

    /** A stored event to clone. */
    record Row(long sequence, String type, String payloadType, String payloadRevision, byte[] metadata, String payload, String timestamp) {
    }

    static final String INSERT = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
            + "metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Generator() {
    }

    static List<UUID> sites(int n) {
        List<UUID> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sites.add(UUID.fromString(String.format("0b0b0b0b-0000-4000-8000-%012d", 1000 + i)));
        }
        return sites;
    }

    static List<Row> template(Connection db, String aggregateId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT sequencenumber, type, payloadtype, payloadrevision, metadata, payload, "
                + "timestamp FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            ps.setString(1, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                            new String(rs.getBytes(6), StandardCharsets.UTF_8), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    /** Adds {@code row} under {@code aggregateId} at {@code sequence}, with {@code replace} applied to its payload. */
    static void add(PreparedStatement insert, Row row, String aggregateId, long sequence, Map<String, String> replace) throws SQLException {
        String payload = row.payload();
        for (Map.Entry<String, String> r : replace.entrySet()) {
            payload = payload.replace(r.getKey(), r.getValue());
        }
        insert.setString(1, aggregateId);
        insert.setLong(2, sequence);
        insert.setString(3, row.type());
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, row.metadata());
        insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
        insert.setString(7, row.payloadRevision());
        insert.setString(8, row.payloadType());
        insert.setString(9, row.timestamp());
        insert.addBatch();
    }

    static long head(Connection db) throws SQLException {
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(globalindex), 0), count(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long count(Connection db) throws SQLException {
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The lowest position any segment of work-service's processors has reached (from the tokens' JSON), to wait
     * until the live processors have caught up with generated history.
     */
    static long slowestProcessor(Connection db, String excludePrefix) throws SQLException {
        long slowest = Long.MAX_VALUE;
        java.util.regex.Pattern index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT processorname, token FROM tokenentry")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(excludePrefix)) {
                    continue;
                }
                byte[] token = rs.getBytes(2);
                long best = -1;
                if (token != null) {
                    var m = index.matcher(new String(token, StandardCharsets.UTF_8));
                    while (m.find()) {
                        best = Math.max(best, Long.parseLong(m.group(1)));
                    }
                }
                slowest = Math.min(slowest, best);
            }
        }
        return slowest == Long.MAX_VALUE ? -1 : slowest;
    }
}
