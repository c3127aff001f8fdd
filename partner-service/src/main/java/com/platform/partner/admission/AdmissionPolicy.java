package com.platform.partner.admission;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.platform.partner.partner.PartnerType;

/**
 * P2, the same criteria for every applicant: the conditions decided from the application itself, the credit
 * score threshold and how a missing bureau answer is retried.
 *
 * @param creditScoreThreshold the lowest bureau score admitted
 * @param creditRetryInterval how long a pending credit check waits before the bureau is asked again
 * @param creditCallLease how long one instance holds a pending check while it asks the bureau
 */
@ConfigurationProperties("partner.admission")
public record AdmissionPolicy(
        @DefaultValue("600") int creditScoreThreshold,
        @DefaultValue("1m") Duration creditRetryInterval,
        @DefaultValue("30s") Duration creditCallLease) {

    /** P1: what each type must present (api.md vocabulary). */
    static final Map<PartnerType, Set<QualificationKind>> REQUIRED = Map.of(
            PartnerType.PAYMENT_INSTITUTION, EnumSet.of(QualificationKind.PAYMENT_BUSINESS_LICENSE),
            PartnerType.LOGISTICS, EnumSet.of(QualificationKind.EXPRESS_DELIVERY_PERMIT),
            PartnerType.MERCHANT, EnumSet.noneOf(QualificationKind.class),
            PartnerType.SERVICE_PROVIDER, EnumSet.noneOf(QualificationKind.class));

    /** The conditions that need nothing but the application and today's date. */
    List<Check> documentChecks(PartnerType type, LocalDate licenseExpiresOn, List<Qualification> qualifications,
            LocalDate today) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed(Check.CREDIT_CODE_VALID, "18 characters with a valid check character (GB 32100)"));
        checks.add(licenseExpiresOn.isBefore(today)
                ? Check.failed(Check.LICENSE_NOT_EXPIRED, "business licence expired on " + licenseExpiresOn)
                : Check.passed(Check.LICENSE_NOT_EXPIRED, "business licence valid until " + licenseExpiresOn));
        List<String> expired = qualifications.stream().filter(q -> q.expiresOn().isBefore(today))
                .map(q -> q.kind() + " expired on " + q.expiresOn()).toList();
        checks.add(expired.isEmpty()
                ? Check.passed(Check.QUALIFICATIONS_NOT_EXPIRED, "no qualification has expired")
                : Check.failed(Check.QUALIFICATIONS_NOT_EXPIRED, String.join("; ", expired)));
        Set<QualificationKind> missing = EnumSet.noneOf(QualificationKind.class);
        missing.addAll(REQUIRED.get(type));
        qualifications.stream().filter(q -> !q.expiresOn().isBefore(today)).map(Qualification::kind)
                .forEach(missing::remove);
        checks.add(missing.isEmpty()
                ? Check.passed(Check.REQUIRED_QUALIFICATIONS, "qualifications required for " + type + " present")
                : Check.failed(Check.REQUIRED_QUALIFICATIONS, type + " requires a valid " + missing));
        return checks;
    }

    Check creditCheck(CreditBureau.Answer answer) {
        if (answer.score() == null) {
            return Check.failed(Check.CREDIT_STANDING, "the credit bureau has no record of the company");
        }
        return answer.score() >= creditScoreThreshold
                ? Check.passed(Check.CREDIT_STANDING, "credit score " + answer.score() + " (threshold "
                        + creditScoreThreshold + ")")
                : Check.failed(Check.CREDIT_STANDING, "credit score " + answer.score() + " below the threshold "
                        + creditScoreThreshold);
    }
}
