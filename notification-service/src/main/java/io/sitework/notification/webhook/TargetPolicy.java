package io.sitework.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs deliveries may go to. Webhooks make this service send requests wherever a subscriber says
 * (server-side request forgery): with {@code allow-private-addresses=false} a target that is, or resolves to,
 * a loopback, private (site-local, unique-local), link-local, wildcard or multicast address is refused —
 * when subscribing and again before every attempt, since a name can be re-pointed after the check.
 */
public final class TargetPolicy {

    private static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivateAddresses;

    public TargetPolicy(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Why the URL cannot be a webhook target, or null if it can. */
    public String problemWith(String url) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        if (url.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return "must be an absolute http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain credentials (it is shown to everyone who manages the subscription)";
        }
        return allowPrivateAddresses ? null : privateAddressProblem(uri.getHost());
    }

    /** Before an attempt: why the target may not be called now (its name resolves to a refused address), or null. */
    public String problemBeforeSending(URI uri) {
        return allowPrivateAddresses ? null : privateAddressProblem(uri.getHost());
    }

    private static String privateAddressProblem(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return "host " + host + " cannot be resolved";
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return "host " + host + " is a loopback, private or link-local address (" + address.getHostAddress()
                        + "), which this installation does not deliver to";
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        // IPv6 unique local addresses (fc00::/7), which InetAddress does not count as site-local
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
