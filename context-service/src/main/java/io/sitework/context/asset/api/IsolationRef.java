package io.sitework.context.asset.api;

/** An isolation applied to an asset: which permit, which of its isolation points. */
public record IsolationRef(String permitId, String isolationId) {
}
