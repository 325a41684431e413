package io.sitework.support.web;


/** Strong ETags carrying the aggregate version: {@code "7"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when absent or {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            throw new BadRequestException("If-Match", "weak ETags cannot be used for If-Match; send the ETag as received");
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw new BadRequestException("If-Match", "must be an ETag such as \"3\"");
        }
        try {
            long version = Long.parseLong(value.substring(1, value.length() - 1));
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match", "must be an ETag such as \"3\"");
        }
    }
}
