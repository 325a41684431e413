package io.sitework.notification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** An emitter that writes the text a client would receive into a list, and can be made to fail like a vanished client. */
final class RecordingEmitter extends SseEmitter {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().modules(new JavaTimeModule())
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    final List<String> messages = new ArrayList<>();
    boolean failing;
    boolean completed;

    RecordingEmitter() {
        super(60_000L);
    }

    @Override
    public void send(SseEventBuilder builder) throws IOException {
        if (failing) {
            throw new IOException("Broken pipe");
        }
        StringBuilder text = new StringBuilder();
        for (ResponseBodyEmitter.DataWithMediaType part : builder.build()) {
            try {
                text.append(part.getData() instanceof String s ? s : JSON.writeValueAsString(part.getData()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        messages.add(text.toString());
    }

    @Override
    public void complete() {
        completed = true;
        super.complete();
    }

    @Override
    public void completeWithError(Throwable ex) {
        completed = true;
        super.completeWithError(ex);
    }

    /** The event names of the messages, in order ("comment" for a comment line). */
    List<String> eventNames() {
        return messages.stream().map(m -> m.startsWith(":") ? "comment" : m.lines()
                .filter(line -> line.startsWith("event:")).findFirst().map(line -> line.substring(6)).orElse("?")).toList();
    }

    /** The ids of the notification messages, in order. */
    List<String> ids() {
        return messages.stream().flatMap(m -> m.lines().filter(line -> line.startsWith("id:")).map(line -> line.substring(3))).toList();
    }
}
