package io.sitework.events;

/** Kafka record headers set on every integration event (the value is the structured CloudEvent). */
public final class KafkaHeaders {
    /** CloudEvents Kafka binding, structured mode. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String CONTENT_TYPE_VALUE = "application/cloudevents+json; charset=UTF-8";
    /** The correlation id of the request that caused the event, the same as {@code correlationid}. */
    public static final String CORRELATION_ID = "X-Correlation-Id";
    /** The CloudEvents type, so a consumer can route or skip without parsing the value. */
    public static final String CE_TYPE = "ce_type";

    private KafkaHeaders() {
    }
}
