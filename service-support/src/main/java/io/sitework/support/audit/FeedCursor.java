package io.sitework.support.audit;

import io.sitework.support.web.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A place in a site's audit feed, handed to clients as an opaque token so the store's global index can
 * change meaning (a new version prefix) without breaking saved cursors.
 */
public final class FeedCursor {

    private static final String PREFIX = "v1:";

    private FeedCursor() {
    }

    public static String encode(long globalIndex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + globalIndex).getBytes(StandardCharsets.UTF_8));
    }

    /** The global index after which to continue; the beginning when {@code cursor} is absent. */
    public static long decode(String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return -1;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long index = Long.parseLong(text.substring(PREFIX.length()));
                if (index >= -1) {
                    return index;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, or not a number: answered below
        }
        throw new BadRequestException(field, "is not a cursor this feed handed out");
    }
}
