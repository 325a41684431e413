package io.sitework.context.asset.api;

/** How much the site depends on an asset: A (a failure stops production or endangers people) to C. */
public enum Criticality {
    A, B, C
}
