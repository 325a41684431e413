package io.sitework.events;

/** Kafka topics of the public contract. Named explicitly, never derived from class names. */
public final class Topics {
    public static final String WORK = "sitework.work.v1";
    public static final String CONTEXT = "sitework.context.v1";
    public static final String NOTIFICATION = "sitework.notification.v1";

    private Topics() {
    }
}
