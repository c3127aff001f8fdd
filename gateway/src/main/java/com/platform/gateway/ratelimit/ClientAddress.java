package com.platform.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;

import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the visitor behind the load balancer, for the anonymous rate limit. {@code X-Forwarded-For} is
 * read only when the socket peer is a trusted proxy (the same {@code trusted-proxies} setting that decides whether
 * the gateway trusts forwarded headers at all), and then from the right: each trusted proxy appends the address it
 * saw, so the right-most address that is not itself a trusted proxy is the first one nobody could forge. Whatever a
 * client writes into the header itself sits to the left of it and is ignored. Anyone else is limited by the socket
 * peer, whatever headers it sends.
 */
final class ClientAddress {

    private static final String HEADER = "X-Forwarded-For";

    private final TrustedProxies trusted;

    /** @param trustedProxies the regex of {@code spring.cloud.gateway.server.webflux.trusted-proxies}; empty: none */
    ClientAddress(String trustedProxies) {
        this.trusted = trustedProxies == null || trustedProxies.isBlank() ? address -> false
                : TrustedProxies.from(trustedProxies);
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        String client = remote.getAddress().getHostAddress();
        if (!trusted.isTrusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty(HEADER)) {
            hops.addAll(List.of(header.split(",")));
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = literal(hops.get(i));
            if (hop == null) {
                // a trusted proxy would never append this: keep the last address we can vouch for
                return client;
            }
            client = hop;
            if (!trusted.isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    /**
     * An IP literal in the form {@link InetAddress#getHostAddress()} gives (the form the trusted-proxies regex is
     * written for, and one bucket per address however it is spelt), without a port; null if it is none. Never a
     * DNS lookup.
     */
    static String literal(String hop) {
        String value = hop.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return null;
            }
            value = value.substring(1, end);
        }
        else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(value);
        return address == null ? null : address.getHostAddress();
    }
}
