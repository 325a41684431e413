package io.sitework.context.readmodel;

import io.sitework.support.axon.EventContext;

/** Applies one stored event to a read-model document in place; returns true if the document changed. */
@FunctionalInterface
public interface Fold<D> {

    boolean apply(D state, Object event, EventContext context);
}
