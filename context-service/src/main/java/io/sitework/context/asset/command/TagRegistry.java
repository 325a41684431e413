package io.sitework.context.asset.command;

import java.util.Optional;

/**
 * Set validation across assets, inside the command's transaction: tags are unique per site and a
 * parent must exist on the same site. Kept in the event store's database, so a refused command
 * rolls back the reservation along with everything else.
 */
public interface TagRegistry {

    /** Reserves the tag for the asset; false if the site already has an asset with that tag. */
    boolean reserve(String siteId, String tag, String assetId);

    /** The site of a registered asset. */
    Optional<String> siteOf(String assetId);
}
