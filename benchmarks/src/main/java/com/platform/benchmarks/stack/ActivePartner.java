package com.platform.benchmarks.stack;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.platform.testsupport.CreditCodes;

/**
 * A partner admitted for a benchmark run the way a company becomes one (partner-service P1-P4, through its API):
 * an ENTERPRISE account applies, the demo operator approves, drafts and proposes an agreement, the applicant signs.
 * No database shortcut: the transaction benchmark then runs against the eligibility partner-service really answers.
 */
public final class ActivePartner {

    private ActivePartner() {
    }

    /** A MERCHANT (one approval, no qualification needed) with an agreement at 5 % commission; its id. */
    public static String merchant(LocalStackAccess stack) throws IOException, InterruptedException {
        LocalStackAccess.Registered applicant = stack.registered("ENTERPRISE");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String partners = LocalStackAccess.partnerService();
        String applicationId = stack.send("POST", partners + "/api/v1/partner-applications", applicant.token(),
                Map.of("companyName", "Bench Merchant Ltd", "creditCode", CreditCodes.random(), "type", "MERCHANT",
                        "licenseNumber", "LIC-" + today.getYear(), "licenseExpiresOn", today.plusYears(3).toString(),
                        "qualifications", List.of(), "contacts", List.of(Map.of("name", "Bench Contact",
                                "email", applicant.email(), "userId", applicant.userId())),
                        "serviceRegions", List.of("CN-BJ"), "capabilities", List.of("ONLINE_SALES")))
                .get("id").asString();
        String operator = stack.demoToken("operator");
        String partnerId = stack.send("POST", partners + "/api/v1/partner-applications/" + applicationId + "/reviews",
                operator, Map.of("decision", "APPROVE", "reasons", List.of("Benchmark fixture")))
                .get("partnerId").asString();
        String agreements = partners + "/api/v1/partners/" + partnerId + "/agreements";
        String agreementId = stack.send("POST", agreements, operator, Map.of("cooperationMode", "PLATFORM_SERVICE",
                "startsOn", today.toString(), "endsOn", today.plusYears(1).toString(),
                "rightsAndObligations", "The partner sells through the platform.",
                "confidentiality", "Both sides keep order data confidential.",
                "breachLiability", "Damages as set out in schedule 3.", "commissionRate", "0.0500",
                "fulfilmentDays", 3, "apiQuotaPerMinute", 1000, "terminationNoticeDays", 30)).get("id").asString();
        stack.send("POST", agreements + "/" + agreementId + "/proposal", operator, Map.of());
        stack.send("POST", agreements + "/" + agreementId + "/acceptance", applicant.token(), Map.of());
        return partnerId;
    }
}
