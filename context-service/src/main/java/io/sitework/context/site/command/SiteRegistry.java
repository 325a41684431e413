package io.sitework.context.site.command;

/**
 * Set validation across sites, inside the command's transaction: ids and codes are unique across the
 * organisation, and other aggregates (assets, contractors) check that their site exists. Kept in the
 * event store's database, so a refused command rolls back the reservation with everything else.
 */
public interface SiteRegistry {

    enum Reservation { RESERVED, ID_TAKEN, CODE_TAKEN }

    /** Reserves the id and the code for a new site. */
    Reservation reserve(String siteId, String code);

    boolean exists(String siteId);
}
