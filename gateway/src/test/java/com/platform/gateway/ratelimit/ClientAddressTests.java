package com.platform.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

    /** A load balancer in 10.0.0.0/24 and the gateway's own loopback, as GATEWAY_TRUSTED_PROXIES would say. */
    private final ClientAddress addresses = new ClientAddress("10\\.0\\.0\\.\\d{1,3}|127\\.0\\.0\\.1");

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
        return MockServerHttpRequest.get("/api/v1/registrations").remoteAddress(new InetSocketAddress(peer, 40000));
    }

    @Test
    void behindATrustedProxyTheVisitorIsTheAddressItReports() {
        assertThat(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "203.0.113.7").build()))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void whatAVisitorWritesIntoTheHeaderItselfIsIgnored() {
        assertThat(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "198.51.100.1, 10.0.0.9, 203.0.113.7")
                .build())).isEqualTo("203.0.113.7");
    }

    @Test
    void trustedProxiesInTheChainAreSkippedFromTheRight() {
        assertThat(addresses.of(from("127.0.0.1").header("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.0.0.5")
                .build())).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("127.0.0.1").header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-For", "203.0.113.7, 10.0.0.5").build()))
                .as("several headers are one list").isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerIsLimitedByItsOwnAddressWhateverItSends() {
        assertThat(addresses.of(from("198.51.100.20").header("X-Forwarded-For", "203.0.113.7").build()))
                .isEqualTo("198.51.100.20");
        assertThat(addresses.of(from("127.0.0.2").header("X-Forwarded-For", "203.0.113.7").build()))
                .as("the regex matches whole addresses").isEqualTo("127.0.0.2");
    }

    @Test
    void withoutTheHeaderOrWithOnlyTrustedHopsTheNearestAddressCounts() {
        assertThat(addresses.of(from("10.0.0.5").build())).isEqualTo("10.0.0.5");
        assertThat(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "10.0.0.6, 10.0.0.7").build()))
                .isEqualTo("10.0.0.6");
    }

    @Test
    void anUnreadableHopStopsTheWalkAtTheLastAddressVouchedFor() {
        assertThat(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "203.0.113.7, unknown").build()))
                .isEqualTo("10.0.0.5");
        assertThat(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "evil.example, 203.0.113.7").build()))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void portsAndSpellingsOfOneAddressShareItsBucket() {
        assertThat(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "203.0.113.7:51234").build()))
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "[2001:db8::7]:443").build()))
                .isEqualTo(addresses.of(from("10.0.0.5").header("X-Forwarded-For", "2001:DB8:0:0::7").build()))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        assertThat(new ClientAddress("").of(from("127.0.0.1").header("X-Forwarded-For", "203.0.113.7").build()))
                .isEqualTo("127.0.0.1");
    }
}
