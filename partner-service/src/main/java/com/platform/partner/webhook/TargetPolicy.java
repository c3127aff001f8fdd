package com.platform.partner.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where a webhook may point (no server-side request forgery): an absolute http(s) URL without user info, whose
 * host resolves only to public addresses. Loopback and private ranges (10/8, 172.16/12, 192.168/16, 100.64/10,
 * link-local, fc00::/7, the unspecified and multicast addresses) are refused unless configuration allows them.
 * Checked at subscription and again before every attempt (the name may resolve elsewhere later).
 */
@Component
class TargetPolicy {

    private final WebhookSettings settings;

    TargetPolicy(WebhookSettings settings) {
        this.settings = settings;
    }

    /** Why the URL is refused, or empty if it is acceptable. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user information");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        }
        catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return settings.allowLoopbackTargets() ? Optional.empty()
                    : Optional.of("resolves to a loopback address");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("resolves to an address that is not a host");
        }
        if (isPrivate(address) && !settings.allowPrivateTargets()) {
            return Optional.of("resolves to a private or link-local address");
        }
        return Optional.empty();
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        // 100.64.0.0/10 (carrier-grade NAT)
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
