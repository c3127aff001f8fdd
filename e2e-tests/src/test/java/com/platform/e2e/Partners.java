package com.platform.e2e;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** What it takes for a company to become an active partner: apply, be approved, sign (partner-service, P1-P4). */
final class Partners {

    /** An active partner: its id, its API client, and the token of the enterprise account that applied. */
    record Admitted(String partnerId, String clientId, String clientSecret, String applicantToken) {

        /** A fresh client-credentials token of the partner's system. */
        String systemToken() throws Exception {
            return Client.clientToken(clientId, clientSecret).orElseThrow();
        }
    }

    private Partners() {
    }

    /** A LOGISTICS, MERCHANT or SERVICE_PROVIDER partner (one approval) with an agreement at this commission. */
    static Admitted admitted(String type, String commissionRate) throws Exception {
        String email = type.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Partner-" + UUID.randomUUID();
        String applicantId = People.registerAndVerify(Map.of("channel", "EMAIL", "email", email,
                "password", password, "displayName", "Carrier Ltd", "accountType", "ENTERPRISE"), email);
        String applicant = Client.firstLogin(email, password);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, Object>> qualifications = "LOGISTICS".equals(type)
                ? List.of(Map.of("kind", "EXPRESS_DELIVERY_PERMIT", "number", "EDP-" + today.getYear(),
                        "expiresOn", today.plusYears(2).toString()))
                : List.of();
        JsonNode application = Client.ok(Client.send("POST", "/api/v1/partner-applications", applicant, Map.of(
                "companyName", "Swift " + type.toLowerCase() + " Ltd", "creditCode", People.creditCode(),
                "type", type, "licenseNumber", "LIC-" + today.getYear(),
                "licenseExpiresOn", today.plusYears(3).toString(), "qualifications", qualifications,
                "contacts", List.of(Map.of("name", "Han Mei", "email", email, "userId", applicantId)),
                "serviceRegions", List.of("CN-BJ"), "capabilities", List.of("PARCEL_DELIVERY"))));
        String operator = Client.token("operator");
        String partnerId = Client.ok(Client.send("POST", "/api/v1/partner-applications/"
                + application.get("id").asString() + "/reviews", operator, Map.of("decision", "APPROVE",
                "reasons", List.of("Permit and licence verified")))).get("partnerId").asString();
        String agreementId = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements",
                operator, Map.of("cooperationMode", "PLATFORM_SERVICE", "startsOn", today.toString(),
                        "endsOn", today.plusYears(1).toString(),
                        "rightsAndObligations", "The partner fulfils platform orders.",
                        "confidentiality", "Both sides keep order data confidential.",
                        "breachLiability", "Damages as set out in schedule 3.", "commissionRate", commissionRate,
                        "fulfilmentDays", 3, "apiQuotaPerMinute", 1000, "terminationNoticeDays", 30)))
                .get("id").asString();
        Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements/" + agreementId + "/proposal",
                operator, Map.of()));
        JsonNode signed = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements/"
                + agreementId + "/acceptance", applicant, Map.of()));
        return new Admitted(partnerId, signed.get("clientId").asString(), signed.get("clientSecret").asString(),
                applicant);
    }
}
