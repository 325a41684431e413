package io.sitework.context.contractor.api;

/** Why a qualification stopped holding: its validity ended, or a person revoked it. */
public enum LapseReason {
    EXPIRED, REVOKED
}
