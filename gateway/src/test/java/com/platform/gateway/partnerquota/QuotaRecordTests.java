package com.platform.gateway.partnerquota;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** How a record of the quota topic is read; what cannot be read is named, never quoted. */
class QuotaRecordTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PARTNER = "0f8e2c6a-3b1d-4c5e-9a7b-1d2e3f4a5b6c";

    private static String envelope(String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"partner.quota-set\",\"subject\":\"" + PARTNER
                + "\",\"aggregatesequence\":4,\"data\":" + data + "}";
    }

    @Test
    void readsTheQuotaAndTheSequence() {
        assertThat(QuotaRecord.read(JSON, PARTNER, envelope("{\"partnerId\":\"" + PARTNER
                + "\",\"apiQuotaPerMinute\":600,\"agreementId\":null,\"agreementVersion\":null,"
                + "\"occurredAt\":\"2026-11-30T10:00:00Z\"}")))
                .isEqualTo(new QuotaRecord.Set(PARTNER, 600, 4L));
    }

    @Test
    void zeroIsAQuota() {
        assertThat(QuotaRecord.read(JSON, PARTNER, envelope("{\"partnerId\":\"" + PARTNER
                + "\",\"apiQuotaPerMinute\":0}"))).isEqualTo(new QuotaRecord.Set(PARTNER, 0, 4L));
    }

    @Test
    void aTombstoneForgetsThePartner() {
        assertThat(QuotaRecord.read(JSON, PARTNER, null)).isEqualTo(new QuotaRecord.Forget(PARTNER));
    }

    @Test
    void anotherEventTypeIsNotAnError() {
        assertThat(QuotaRecord.read(JSON, PARTNER, "{\"specversion\":\"1.0\",\"type\":\"partner.graded\","
                + "\"data\":{}}")).isEqualTo(new QuotaRecord.Other("partner.graded"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(PARTNER, "not json", "not JSON"),
                Arguments.of(PARTNER, "\"a string\"", "not a JSON object"),
                Arguments.of(PARTNER, "{\"type\":\"partner.quota-set\"}", "specversion"),
                Arguments.of(PARTNER, "{\"specversion\":\"1.0\"}", "no type"),
                Arguments.of(PARTNER, "{\"specversion\":\"1.0\",\"type\":\"partner.quota-set\",\"data\":[]}",
                        "no data object"),
                Arguments.of(PARTNER, envelope("{\"apiQuotaPerMinute\":5}"), "partnerId is missing"),
                Arguments.of("another-key", envelope("{\"partnerId\":\"" + PARTNER + "\",\"apiQuotaPerMinute\":5}"),
                        "key is not data.partnerId"),
                Arguments.of(PARTNER, envelope("{\"partnerId\":\"" + PARTNER + "\"}"), "not an integer"),
                Arguments.of(PARTNER, envelope("{\"partnerId\":\"" + PARTNER + "\",\"apiQuotaPerMinute\":\"5\"}"),
                        "not an integer"),
                Arguments.of(PARTNER, envelope("{\"partnerId\":\"" + PARTNER + "\",\"apiQuotaPerMinute\":5.5}"),
                        "not an integer"),
                Arguments.of(PARTNER, envelope("{\"partnerId\":\"" + PARTNER
                        + "\",\"apiQuotaPerMinute\":3000000000}"), "not an integer"),
                Arguments.of(PARTNER, envelope("{\"partnerId\":\"" + PARTNER + "\",\"apiQuotaPerMinute\":-1}"),
                        "negative"),
                Arguments.of(null, null, "tombstone without a key"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedRecordIsNamedWithoutItsContent(String key, String value, String reason) {
        QuotaRecord read = QuotaRecord.read(JSON, key, value);
        assertThat(read).isInstanceOf(QuotaRecord.Malformed.class);
        String said = ((QuotaRecord.Malformed) read).reason();
        assertThat(said).contains(reason).doesNotContain(PARTNER);
    }
}
