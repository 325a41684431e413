package io.sitework.events.context;

/**
 * A point where energy or material is isolated for a permit.
 *
 * @param point   where, in words or by tag (e.g. "V-101 suction valve")
 * @param method  how (e.g. LOCK_OUT_TAG_OUT, BLIND, DISCONNECT)
 * @param assetId the asset the point belongs to, if it is one of the site's assets
 */
public record IsolationPoint(String isolationId, String point, String method, String assetId) {
}
