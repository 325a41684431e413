package io.sitework.work.api;

/** What kind of site work this is. Work is not only maintenance: the catalogue covers a site's daily execution. */
public enum WorkKind {
    MAINTENANCE_CORRECTIVE,
    MAINTENANCE_PREVENTIVE,
    PRODUCTION_FOLLOW_UP,
    LOGISTICS,
    BATCH_CHECK,
    CLEANING,
    CONTRACTOR_PUNCH_ITEM,
    AUDIT_ACTION,
    PERMIT_PREREQUISITE,
    INSPECTION_FINDING,
    COMMISSIONING,
    ROUND,
    DAILY_COMMITMENT,
    OTHER
}
