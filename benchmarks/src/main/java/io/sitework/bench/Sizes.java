package io.sitework.bench;

import java.time.Duration;

/**
 * How big and how long each scenario runs. {@link #full()} is what the README's command runs and must finish
 * unattended in under 30 minutes on two cores, so it scales the sizes (10M stored events, 1M replayed,
 * 1M work items) down; {@link #quick()} only checks that every scenario works.
 */
public record Sizes(String name, Duration warmup, Duration iteration, int iterations,
                    int appendEvents, int appendBatch, int inboxSamples, int kafkaSamples,
                    int growthEvents, int longAggregateEvents, int longSamples,
                    Duration defaultReplayCap, Duration loadStep, int readClients) {

    public static Sizes full() {
        return new Sizes("full", Duration.ofSeconds(10), Duration.ofSeconds(15), 3,
                100_000, 100, 200, 2_000,
                30_000, 10_000, 200,
                Duration.ofSeconds(60), Duration.ofSeconds(15), 4);
    }

    public static Sizes quick() {
        return new Sizes("quick", Duration.ofSeconds(2), Duration.ofSeconds(3), 2,
                4_000, 100, 20, 200,
                3_000, 1_000, 20,
                Duration.ofSeconds(10), Duration.ofSeconds(3), 2);
    }
}
