package io.sitework.context.permit.api;

/** The kind of hazardous work a permit authorises. */
public enum PermitType {
    GENERAL, HOT_WORK, CONFINED_SPACE, ELECTRICAL, WORK_AT_HEIGHT, EXCAVATION, LIFTING
}
