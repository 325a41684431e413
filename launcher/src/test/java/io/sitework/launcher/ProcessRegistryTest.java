package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessRegistryTest {

    @Test
    void anEntryReadsBackAsWritten() {
        ProcessRegistry.Entry entry = new ProcessRegistry.Entry("kafka", 4242, 1_790_000_000_123L);

        assertThat(entry.format()).isEqualTo("kafka 4242 1790000000123");
        assertThat(ProcessRegistry.Entry.parse(entry.format())).contains(entry);
    }

    @Test
    void unreadableLinesAreIgnored() {
        List<ProcessRegistry.Entry> entries = ProcessRegistry.parseAll(List.of(
                "kafka 4242 1790000000123", "", "garbage", "postgres x 12", "gateway 1 2 3", "  work-service 7 8  "));

        assertThat(entries).containsExactly(
                new ProcessRegistry.Entry("kafka", 4242, 1_790_000_000_123L),
                new ProcessRegistry.Entry("work-service", 7, 8));
    }
}
