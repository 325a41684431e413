package io.sitework.support.replay;

/**
 * A read model that can be rebuilt beside the live one: the rebuild needs its processing group (to
 * stop, re-point and restart it), where its documents live, and a copy of its event handler writing to
 * another collection — the same fold, so a rebuilt collection cannot differ from a live one.
 */
public interface ReplayableProjection {

    /** The Axon processing group of the live projection, also the read model's name in the URL. */
    String processingGroup();

    /** The collection the read model lived in before any rebuild. */
    String initialCollection();

    /** Declares the read model's indexes on {@code collection} (new and empty). */
    void prepare(String collection);

    /**
     * An object with the projection's {@code @EventHandler}s, writing to {@code collection}. It may write behind
     * (hold changes and write them in bulk): if it is {@link java.io.Flushable}, the rebuild flushes it every
     * {@value ReadModelRebuilds#FLUSH_EVERY} events and before it switches the read model over.
     */
    Object handlerWritingTo(String collection);
}
