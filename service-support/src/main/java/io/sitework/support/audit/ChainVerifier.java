package io.sitework.support.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks the hash chain the database set on an aggregate's events when they were stored (migration
 * V1_4): each hash is recomputed in SQL by the same function the trigger used, and each event must
 * link to its predecessor's hash. Tells an auditor whether the stored history is the one written,
 * and if not, where it first breaks and how.
 */
public class ChainVerifier {

    /** What broke at {@code firstBrokenSequence}. */
    public enum Problem {
        /** The event's stored hash differs from the hash of its stored content: the row was changed. */
        CONTENT_CHANGED("content changed"),
        /** The event's previous hash is not its predecessor's hash: an event before it was replaced or removed. */
        LINK_BROKEN("link broken"),
        /** No event is stored at this sequence, though later ones are (or the aggregate has none left). */
        SEQUENCE_GAP("sequence gap"),
        /** The event carries no hash (not backfilled, or its chain was already broken when hashes were introduced). */
        NO_HASH("no hash");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The verdict on one aggregate's chain.
     *
     * @param events              the number of stored events
     * @param firstBrokenSequence where the chain first breaks; null when intact
     * @param problem             what broke there ({@link Problem#label()}); null when intact
     * @param lastHash            the stored hash of the last event, hex; what to anchor externally
     */
    public record Verdict(String aggregateId, String aggregateType, long events, boolean intact, Long firstBrokenSequence,
                          String problem, String lastHash, Instant verifiedAt) {
    }

    /** One stored event as the chain sees it; {@code recomputed} is the hash of its stored content after its stored previous hash. */
    record Link(long sequence, byte[] previousHash, byte[] hash, byte[] recomputed) {
    }

    static final byte[] GENESIS = new byte[32];

    private static final String LINKS = """
            SELECT e.sequencenumber, e.previoushash, e.hash, sitework_event_hash(e.previoushash, e) AS recomputed
            FROM domainevententry e
            WHERE e.aggregateidentifier = ?
            ORDER BY e.sequencenumber""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ChainVerifier(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The site of an aggregate of the given type (as recorded when its first event was stored, so a
     * tampered event cannot move it), empty when there is no such aggregate of that type.
     */
    public Optional<String> siteOf(String aggregateId, String aggregateType) {
        return jdbc.queryForList("SELECT site_id FROM aggregate_site WHERE aggregateidentifier = ? AND aggregatetype = ?",
                String.class, aggregateId, aggregateType).stream().findFirst();
    }

    public Verdict verify(String aggregateId, String aggregateType) {
        List<Link> links = jdbc.query(LINKS, (rs, i) -> new Link(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)),
                aggregateId);
        return judge(aggregateId, aggregateType, links, clock.instant());
    }

    static Verdict judge(String aggregateId, String aggregateType, List<Link> links, Instant at) {
        byte[] previous = GENESIS;
        long expected = 0;
        Long broken = null;
        Problem problem = null;
        for (Link link : links) {
            if (link.sequence() != expected) {
                broken = expected;
                problem = Problem.SEQUENCE_GAP;
            } else if (link.hash() == null || link.previousHash() == null) {
                problem = Problem.NO_HASH;
            } else if (!Arrays.equals(link.hash(), link.recomputed())) {
                problem = Problem.CONTENT_CHANGED;
            } else if (!Arrays.equals(link.previousHash(), previous)) {
                problem = Problem.LINK_BROKEN;
            }
            if (problem != null) {
                if (broken == null) {
                    broken = link.sequence();
                }
                break;
            }
            previous = link.hash();
            expected++;
        }
        if (links.isEmpty()) {
            broken = 0L;
            problem = Problem.SEQUENCE_GAP;
        }
        byte[] last = links.isEmpty() ? null : links.get(links.size() - 1).hash();
        return new Verdict(aggregateId, aggregateType, links.size(), problem == null, broken,
                problem == null ? null : problem.label(), last == null ? null : HexFormat.of().formatHex(last), at);
    }
}
