package io.sitework.support.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares each streaming processor's segments among the live instances of a service. Axon's pooled
 * processors claim every unclaimed segment they see and keep it while they live: the first instance
 * to start would hold them all and a second one would idle (Axon Server balances them; without it
 * nothing does). So every instance records a heartbeat in {@code processor_node} (db/axon/V1_5) and,
 * each round, counts the instances seen lately: one that holds more than its fair share of a
 * processor's segments (the segments divided by the live instances, rounded up) releases the surplus
 * for a while, and the others' processors claim them on their next look. An instance that dies stops
 * renewing its claims: after the token store's claim timeout the others take its segments over, and
 * it drops out of the count once its heartbeat is old.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final Duration interval;
    private final Duration release;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    /**
     * @param interval how often this instance beats and balances; an instance silent for three intervals is gone
     * @param release how long a released segment stays free for the other instances to claim
     */
    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, TransactionManager transactions,
                           JdbcTemplate jdbc, String nodeId, Duration interval, Duration release) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.interval = interval;
        this.release = release;
    }

    /** How many of its {@code claimed} segments an instance gives up: what exceeds its share of {@code total} among {@code live}. */
    static int surplus(int total, int live, int claimed) {
        int share = (total + Math.max(live, 1) - 1) / Math.max(live, 1);
        return Math.max(0, claimed - share);
    }

    /** One round: beat, count the live instances, release any surplus. */
    public void balance() {
        jdbc.update("INSERT INTO processor_node (node_id, seen_at) VALUES (?, now()) "
                + "ON CONFLICT (node_id) DO UPDATE SET seen_at = now()", nodeId);
        Integer live = jdbc.queryForObject("SELECT count(*) FROM processor_node WHERE seen_at > now() - make_interval(secs => ?)",
                Integer.class, interval.toMillis() * 3 / 1000.0);
        // forget instances gone for long (their rows would only grow the table)
        jdbc.update("DELETE FROM processor_node WHERE seen_at < now() - interval '1 day'");
        for (StreamingEventProcessor processor : streamingProcessors()) {
            if (!processor.isRunning()) {
                continue;
            }
            int total = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(processor.getName())).length;
            List<Integer> claimed = new ArrayList<>(processor.processingStatus().keySet());
            int surplus = surplus(total, live == null ? 1 : live, claimed.size());
            for (int i = 0; i < surplus; i++) {
                int segment = claimed.get(claimed.size() - 1 - i);
                log.info("Releasing segment {} of {} to the other instances ({} segments, {} live instances)",
                        segment, processor.getName(), total, live);
                processor.releaseSegment(segment, release.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        List<StreamingEventProcessor> result = new ArrayList<>();
        processing.eventProcessors().values().forEach(p -> {
            if (p instanceof StreamingEventProcessor streaming) {
                result.add(streaming);
            }
        });
        return result;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.warn("Could not balance the processors' segments this round: {}", e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
        try {
            // the others count one instance fewer at once
            jdbc.update("DELETE FROM processor_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not remove this instance's heartbeat: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's processors (which start in phase Integer.MAX_VALUE / 2 and so on), before their end. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
