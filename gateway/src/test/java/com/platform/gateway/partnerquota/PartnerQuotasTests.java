package com.platform.gateway.partnerquota;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The view takes the last record of a partner and ignores what is older than what it holds. */
class PartnerQuotasTests {

    private final PartnerQuotas quotas = new PartnerQuotas();

    @Test
    void theLastRecordOfAPartnerIsItsQuotaAndItsVersionGrows() {
        quotas.apply(new QuotaRecord.Set("p", 100, null), 7);
        quotas.apply(new QuotaRecord.Set("p", 0, null), 12);
        assertThat(quotas.of("p")).contains(new PartnerQuota(0, 13));
        assertThat(quotas.of("other")).isEmpty();
    }

    @Test
    void readingAPartitionAgainChangesNothing() {
        quotas.apply(new QuotaRecord.Set("p", 100, 1L), 3);
        quotas.apply(new QuotaRecord.Set("p", 50, 2L), 9);
        assertThat(quotas.apply(new QuotaRecord.Set("p", 100, 1L), 3)).isFalse();
        assertThat(quotas.apply(new QuotaRecord.Set("p", 50, 2L), 9)).isFalse();
        assertThat(quotas.of("p")).contains(new PartnerQuota(50, 10));
    }

    @Test
    void aRecordWithAnOlderSequenceIsIgnoredEvenAtALaterOffset() {
        quotas.apply(new QuotaRecord.Set("p", 100, 5L), 3);
        assertThat(quotas.apply(new QuotaRecord.Set("p", 0, 4L), 8)).isFalse();
        assertThat(quotas.of("p")).contains(new PartnerQuota(100, 4));
        assertThat(quotas.apply(new QuotaRecord.Set("p", 0, 6L), 9)).isTrue();
        assertThat(quotas.of("p")).contains(new PartnerQuota(0, 10));
    }

    @Test
    void aTombstoneBringsBackTheDefault() {
        quotas.apply(new QuotaRecord.Set("p", 0, null), 1);
        quotas.apply(new QuotaRecord.Forget("p"), 2);
        assertThat(quotas.of("p").orElseThrow().perMinuteOr(1200)).isEqualTo(1200);
        assertThat(quotas.of("p").orElseThrow().version()).isEqualTo(3);
    }
}
