package io.sitework.context.asset.api;

public enum AssetStatus {
    IN_SERVICE, OUT_OF_SERVICE, ISOLATED, DECOMMISSIONED
}
