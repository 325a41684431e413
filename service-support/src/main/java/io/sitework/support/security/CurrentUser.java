package io.sitework.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the request being served on this thread. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<SiteworkUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof SiteworkAuthentication sitework) {
            return Optional.of(sitework.user());
        }
        return Optional.empty();
    }

    /** The caller; an endpoint under /api/** is never reached without one. */
    public static SiteworkUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated Sitework user on this request"));
    }
}
