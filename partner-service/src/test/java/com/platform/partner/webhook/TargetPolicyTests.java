package com.platform.partner.webhook;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where webhooks may point, with the production defaults (nothing private, no loopback). */
class TargetPolicyTests {

    private static WebhookSettings settings(boolean allowPrivate, boolean allowLoopback) {
        return new WebhookSettings(allowPrivate, allowLoopback, List.of(Duration.ZERO), Duration.ofSeconds(60),
                Duration.ofSeconds(10));
    }

    private final TargetPolicy strict = new TargetPolicy(settings(false, false));

    @Test
    void refusesLoopbackPrivateLinkLocalAndOddURLs() {
        assertThat(strict.refusal("http://127.0.0.1:8080/hook")).hasValueSatisfying(r -> assertThat(r)
                .contains("loopback"));
        assertThat(strict.refusal("http://localhost/hook")).isPresent();
        assertThat(strict.refusal("http://[::1]/hook")).isPresent();
        assertThat(strict.refusal("https://10.0.0.5/hook")).hasValueSatisfying(r -> assertThat(r)
                .contains("private"));
        assertThat(strict.refusal("https://192.168.1.1/hook")).isPresent();
        assertThat(strict.refusal("https://172.16.0.1/hook")).isPresent();
        assertThat(strict.refusal("https://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(strict.refusal("https://100.64.0.1/hook")).isPresent();
        assertThat(strict.refusal("https://[fd00::1]/hook")).isPresent();
        assertThat(strict.refusal("http://0.0.0.0/hook")).isPresent();
        assertThat(strict.refusal("ftp://93.184.216.34/hook")).isPresent();
        assertThat(strict.refusal("https://user:pw@93.184.216.34/hook")).isPresent();
        assertThat(strict.refusal("/relative")).isPresent();
        assertThat(strict.refusal("not a url")).isPresent();
    }

    @Test
    void acceptsPublicAddressesAndWhatConfigurationAllows() {
        assertThat(strict.refusal("https://93.184.216.34/hooks/platform")).isEmpty();
        assertThat(new TargetPolicy(settings(false, true)).refusal("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(new TargetPolicy(settings(false, true)).refusal("http://10.0.0.5/hook")).isPresent();
        assertThat(new TargetPolicy(settings(true, false)).refusal("http://10.0.0.5/hook")).isEmpty();
    }
}
