package io.sitework.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/event-catalogue.md documents exactly the types the code registers, each with its topic. */
class EventCatalogueDocTest {

    private static final Path CATALOGUE = Path.of("..", "docs", "event-catalogue.md");

    @Test
    void theCatalogueDocumentsEveryRegisteredTypeAndNoOther() throws IOException {
        String doc = Files.readString(CATALOGUE);
        Matcher headings = Pattern.compile("^### `(io\\.sitework\\.[a-z_.]+\\.v\\d+)`$", Pattern.MULTILINE).matcher(doc);
        Set<String> documented = headings.results().map(m -> m.group(1)).collect(Collectors.toSet());

        assertThat(documented).containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventType::type).toList());
        for (EventType<?> type : EventCatalog.all()) {
            String section = doc.substring(doc.indexOf("### `" + type.type() + "`"));
            int next = section.indexOf("\n### ", 1);
            section = next < 0 ? section : section.substring(0, next);
            assertThat(section).as(type.type()).contains("Topic `" + type.topic() + "`");
            for (var component : type.dataClass().getRecordComponents()) {
                assertThat(section).as(type.type() + " documents field " + component.getName()).contains("`" + component.getName() + "`");
            }
        }
    }
}
