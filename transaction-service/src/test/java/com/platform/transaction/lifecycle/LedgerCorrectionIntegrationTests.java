package com.platform.transaction.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** T6: corrections are new entries, applied only after a second admin's approval (maker-checker). */
class LedgerCorrectionIntegrationTests extends TransactionServiceIntegrationTest {

    private static final String CORRECTIONS = "/api/v1/ledger/corrections";

    private record Admin(String subject, String token) {
    }

    private static Admin admin() {
        String subject = "admin-" + UUID.randomUUID();
        return new Admin(subject, bearer(tokens.user(subject, "admin")));
    }

    private static Map<String, Object> line(String account, String side, String amount, String currency) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("account", account);
        line.put("side", side);
        line.put("amount", money(amount, currency));
        return line;
    }

    private static Map<String, Object> proposal(UUID transactionId, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId.toString());
        body.put("reason", "commission charged at 6 % instead of the agreed 5 %");
        body.put("lines", lines);
        return body;
    }

    /** A settled 100.00 CNY transaction: partner payable 95.00, commission 5.00. */
    private UUID settled() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        UUID id = paid(payer, partner, "100.00");
        postJson("/api/v1/transactions/" + id + "/fulfilment", null, partner.token()).andExpect(status().isOk());
        postJson("/api/v1/transactions/" + id + "/receipt", null, payer.token()).andExpect(status().isOk());
        return id;
    }

    private int corrections() {
        return jdbc.queryForObject("select count(*) from ledger_correction", Integer.class);
    }

    @Test
    void aCorrectionIsANewEntryAppliedOnlyAfterASecondAdminsApproval() throws Exception {
        UUID id = settled();
        Admin maker = admin();
        Admin checker = admin();
        long entriesBefore = trialBalance().get("entries").asLong();
        JsonNode proposed = body(postJson(CORRECTIONS, proposal(id, List.of(
                line("PLATFORM_COMMISSION", "DEBIT", "1.00", "CNY"),
                line("PARTNER_PAYABLE", "CREDIT", "1.00", "CNY"))), maker.token())
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.lines[0].amount.amount").value("1.00"))
                .andExpect(jsonPath("$.proposedBy").value(maker.subject())));
        String correction = proposed.get("id").asString();
        // proposed is not applied
        assertThat(trialBalance().get("entries").asLong()).isEqualTo(entriesBefore);
        assertThat(balance(id, "PARTNER_PAYABLE")).isEqualTo(-9500L);

        // four eyes: the maker cannot approve
        postJson(CORRECTIONS + "/" + correction + "/approval", null, maker.token())
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CORRECTION_APPROVER_CONFLICT"));
        assertThat(balance(id, "PARTNER_PAYABLE")).isEqualTo(-9500L);

        JsonNode applied = body(postJson(CORRECTIONS + "/" + correction + "/approval", null, checker.token())
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.decidedBy").value(checker.subject())));
        String entryId = applied.get("entryId").asString();
        assertThat(balance(id, "PARTNER_PAYABLE")).isEqualTo(-9600L);
        assertThat(balance(id, "PLATFORM_COMMISSION")).isEqualTo(-400L);
        JsonNode trial = trialBalance();
        LifecycleIntegrationTests.assertBalanced(trial);
        assertThat(trial.get("entries").asLong()).isEqualTo(entriesBefore + 1);
        // the earlier entries are untouched; the correction is one more, visible in the transaction's journal
        JsonNode journal = body(getJson("/api/v1/transactions/" + id + "/journal", staff("auditor"))
                .andExpect(status().isOk()));
        List<String> kinds = new ArrayList<>();
        journal.get("entries").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactlyInAnyOrder("PAYMENT_CAPTURED", "SETTLEMENT", "CORRECTION");
        assertThat(jdbc.queryForObject("select reference from journal_entry where id = ?::uuid", String.class,
                entryId)).isEqualTo("correction:" + correction);

        // decided once
        postJson(CORRECTIONS + "/" + correction + "/approval", null, admin().token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CORRECTION_ALREADY_DECIDED"))
                .andExpect(jsonPath("$.currentStatus").value("APPLIED"));
        assertThat(trialBalance().get("entries").asLong()).isEqualTo(entriesBefore + 1);

        // audited with both admins, published, readable by auditors
        assertThat(jdbc.queryForList("select actor || ' ' || action from audit_entry where target_id = ? order by seq",
                String.class, correction)).containsExactly(maker.subject() + " ledger.correction-proposed",
                checker.subject() + " ledger.correction-applied");
        assertThat(outboxTypes(correction)).containsExactly("ledger.correction-proposed", "ledger.correction-applied");
        JsonNode event = outboxData(correction, "ledger.correction-applied");
        assertThat(event.get("entryId").asString()).isEqualTo(entryId);
        assertThat(event.get("transactionId").asString()).isEqualTo(id.toString());
        assertThat(event.toString()).doesNotContain(maker.subject()).doesNotContain(checker.subject());
        getJson(CORRECTIONS + "/" + correction, staff("auditor")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPLIED"));
        JsonNode list = body(getJson(CORRECTIONS + "?status=APPLIED&transactionId=" + id, staff("auditor"))
                .andExpect(status().isOk()));
        assertThat(list.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aRejectedCorrectionPostsNothingAndCannotBeApprovedLater() throws Exception {
        UUID id = settled();
        Admin maker = admin();
        String correction = body(postJson(CORRECTIONS, proposal(id, List.of(
                line("PROVIDER_CLEARING", "DEBIT", "2.00", "CNY"),
                line("REFUNDS_PAYABLE", "CREDIT", "2.00", "CNY"))), maker.token())
                .andExpect(status().isCreated())).get("id").asString();
        postJson(CORRECTIONS + "/" + correction + "/rejection", Map.of("reason", "mine"), maker.token())
                .andExpect(status().isForbidden());
        postJson(CORRECTIONS + "/" + correction + "/rejection", Map.of("reason", "the statement was wrong"),
                admin().token()).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionReason").value("the statement was wrong"));
        postJson(CORRECTIONS + "/" + correction + "/approval", null, admin().token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value("REJECTED"));
        assertThat(balance(id, "REFUNDS_PAYABLE")).isZero();
        assertThat(balance(id, "PROVIDER_CLEARING")).isEqualTo(10000L);
    }

    @Test
    void aCorrectionMayPointAtTheEntryItCorrectsOfTheSameTransactionOnly() throws Exception {
        UUID id = settled();
        UUID other = settled();
        String otherEntry = jdbc.queryForObject("select id::text from journal_entry where transaction_id = ? limit 1",
                String.class, other);
        String ownEntry = jdbc.queryForObject("select id::text from journal_entry where transaction_id = ?"
                + " and kind = 'SETTLEMENT'", String.class, id);
        Map<String, Object> body = proposal(id, List.of(line("PLATFORM_COMMISSION", "DEBIT", "1.00", "CNY"),
                line("PARTNER_PAYABLE", "CREDIT", "1.00", "CNY")));
        body.put("correctsEntryId", otherEntry);
        int before = corrections();
        postJson(CORRECTIONS, body, admin().token()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("correctsEntryId"));
        assertThat(corrections()).isEqualTo(before);
        body.put("correctsEntryId", ownEntry);
        String correction = body(postJson(CORRECTIONS, body, admin().token()).andExpect(status().isCreated()))
                .get("id").asString();
        String entry = body(postJson(CORRECTIONS + "/" + correction + "/approval", null, admin().token())
                .andExpect(status().isOk())).get("entryId").asString();
        assertThat(jdbc.queryForObject("select corrects_entry_id::text from journal_entry where id = ?::uuid",
                String.class, entry)).isEqualTo(ownEntry);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unbalanced | PLATFORM_COMMISSION,DEBIT,1.00,CNY;PARTNER_PAYABLE,CREDIT,0.99,CNY | lines",
            "escrow | ESCROW,DEBIT,1.00,CNY;PARTNER_PAYABLE,CREDIT,1.00,CNY | lines[0].account",
            "another currency | PLATFORM_COMMISSION,DEBIT,1.00,CNY;PARTNER_PAYABLE,CREDIT,1.00,USD | lines[1].amount.currency",
            "one line | PLATFORM_COMMISSION,DEBIT,1.00,CNY | lines",
            "zero | PLATFORM_COMMISSION,DEBIT,0.00,CNY;PARTNER_PAYABLE,CREDIT,0.00,CNY | lines[0].amount.amount",
            "negative | PLATFORM_COMMISSION,DEBIT,-1.00,CNY;PARTNER_PAYABLE,CREDIT,-1.00,CNY | lines[0].amount.amount",
            "too precise | PLATFORM_COMMISSION,DEBIT,1.001,CNY;PARTNER_PAYABLE,CREDIT,1.001,CNY | lines[0].amount.amount",
            "unknown currency | PLATFORM_COMMISSION,DEBIT,1.00,XXX;PARTNER_PAYABLE,CREDIT,1.00,XXX | lines[0].amount.currency"})
    void linesThatCannotBePostedAreA400NamingTheFieldAndNothingIsWritten(String name, String lines, String field)
            throws Exception {
        UUID id = settled();
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (String l : lines.split(";")) {
            String[] p = l.split(",");
            parsed.add(line(p[0], p[1], p[2], p[3]));
        }
        int before = corrections();
        postJson(CORRECTIONS, proposal(id, parsed), admin().token()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(corrections()).isEqualTo(before);
    }

    @Test
    void malformedProposalsAreA400AndAnUnknownTransactionA404() throws Exception {
        UUID id = settled();
        String token = admin().token();
        int before = corrections();
        List<Map<String, Object>> lines = List.of(line("PLATFORM_COMMISSION", "DEBIT", "1.00", "CNY"),
                line("PARTNER_PAYABLE", "CREDIT", "1.00", "CNY"));
        Map<String, Object> noReason = proposal(id, lines);
        noReason.remove("reason");
        postJson(CORRECTIONS, noReason, token).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        Map<String, Object> control = proposal(id, lines);
        control.put("reason", "bad\u0007bell");
        postJson(CORRECTIONS, control, token).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postJson(CORRECTIONS, proposal(id, List.of(line("NO_SUCH_ACCOUNT", "DEBIT", "1.00", "CNY"),
                line("PARTNER_PAYABLE", "CREDIT", "1.00", "CNY"))), token).andExpect(status().isBadRequest());
        postJson(CORRECTIONS, proposal(id, List.of(line("PLATFORM_COMMISSION", "UP", "1.00", "CNY"),
                line("PARTNER_PAYABLE", "CREDIT", "1.00", "CNY"))), token).andExpect(status().isBadRequest());
        postJson(CORRECTIONS, "{\"transactionId\":\"" + id + "\",\"reason\":\"r\",\"lines\":[{\"account\":"
                + "\"PLATFORM_COMMISSION\",\"side\":\"DEBIT\",\"amount\":{\"amount\":1.00,\"currency\":\"CNY\"}},"
                + "{\"account\":\"PARTNER_PAYABLE\",\"side\":\"CREDIT\",\"amount\":{\"amount\":\"1.00\","
                + "\"currency\":\"CNY\"}}]}", token).andExpect(status().isBadRequest());
        postJson(CORRECTIONS, "{\"transactionId\":\"not-a-uuid\"}", token).andExpect(status().isBadRequest());
        postJson(CORRECTIONS, "[1, {", token).andExpect(status().isBadRequest());
        postJson(CORRECTIONS, proposal(UUID.randomUUID(), lines), token).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TRANSACTION_NOT_FOUND"));
        postJson(CORRECTIONS + "/" + UUID.randomUUID() + "/approval", null, token).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CORRECTION_NOT_FOUND"));
        postJson(CORRECTIONS + "/not-a-uuid/approval", null, token).andExpect(status().isBadRequest());
        postJson(CORRECTIONS + "/" + UUID.randomUUID() + "/rejection", Map.of(), admin().token())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        getJson(CORRECTIONS + "?status=NOPE", staff("auditor")).andExpect(status().isBadRequest());
        assertThat(corrections()).isEqualTo(before);
    }
}
