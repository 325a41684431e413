package io.sitework.work.api;

/** The permit-to-work types a piece of work may require before it starts. */
public enum PermitType {
    GENERAL, HOT_WORK, CONFINED_SPACE, ELECTRICAL, WORK_AT_HEIGHT, EXCAVATION, LIFTING
}
