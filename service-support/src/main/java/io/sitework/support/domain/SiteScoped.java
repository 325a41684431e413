package io.sitework.support.domain;

/**
 * Implemented by the event that creates an aggregate: it names the site the aggregate belongs to
 * for the rest of its life. Authorization reads the site from there, never from a request.
 */
public interface SiteScoped {
    String siteId();
}
