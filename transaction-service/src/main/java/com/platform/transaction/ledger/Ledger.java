package com.platform.transaction.ledger;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.platform.transaction.money.Money;

/**
 * The journal (T6): appends balanced entries and answers balances. Appending checks that the transaction's escrow
 * does not go below zero, and the database checks the same (with the balance of each entry) when the transaction
 * commits. Callers lock the transaction row first (lock order), so two movements of one transaction never race.
 */
@Repository
public class Ledger {

    private final JdbcTemplate jdbc;

    public Ledger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Posts an entry once: a second entry with the same reference is ignored.
     *
     * @return {@code false} if an entry with this reference already exists
     * @throws EscrowOverdrawnException if the entry would take more out of escrow than it holds
     */
    @Transactional
    public boolean post(JournalEntry entry) {
        long escrow = escrowBalance(entry.transactionId(), entry.currency());
        if (escrow + entry.escrowDelta() > 0) {
            throw new EscrowOverdrawnException();
        }
        int inserted = jdbc.update("""
                insert into journal_entry (id, transaction_id, kind, currency, reference, corrects_entry_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing
                """, entry.id(), entry.transactionId(), entry.kind().name(), entry.currency(), entry.reference(),
                entry.correctsEntryId(), Timestamp.from(entry.createdAt()));
        if (inserted == 0) {
            return false;
        }
        int line = 1;
        for (Posting posting : entry.postings()) {
            jdbc.update("""
                    insert into journal_posting (entry_id, line, account, transaction_id, currency, amount_minor)
                    values (?, ?, ?, ?, ?, ?)
                    """, entry.id(), line++, posting.account().name(), entry.transactionId(), entry.currency(),
                    posting.amount().minor());
        }
        return true;
    }

    /** What escrow holds for the transaction (a credit balance, shown positive). */
    public Money escrowHeld(UUID transactionId, String currency) {
        return Money.ofMinor(-escrowBalance(transactionId, currency), currency);
    }

    private long escrowBalance(UUID transactionId, String currency) {
        Long sum = jdbc.queryForObject("""
                select coalesce(sum(amount_minor), 0) from journal_posting
                where transaction_id = ? and account = 'ESCROW' and currency = ?
                """, Long.class, transactionId, currency);
        return sum == null ? 0 : sum;
    }

    /** The balance of every account per currency (debit positive); each currency's balances sum to zero. */
    public TrialBalance trialBalance() {
        Map<String, Map<LedgerAccount, Long>> byCurrency = new LinkedHashMap<>();
        jdbc.query("""
                select currency, account, sum(amount_minor) from journal_posting group by currency, account
                order by currency, account
                """, rs -> {
            byCurrency.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>())
                    .put(LedgerAccount.valueOf(rs.getString(2)), rs.getLong(3));
        });
        List<TrialBalance.CurrencyBalance> currencies = new ArrayList<>();
        byCurrency.forEach((currency, accounts) -> {
            List<TrialBalance.AccountBalance> balances = accounts.entrySet().stream()
                    .map(e -> new TrialBalance.AccountBalance(e.getKey(), Money.ofMinor(e.getValue(), currency)))
                    .toList();
            currencies.add(new TrialBalance.CurrencyBalance(currency, balances));
        });
        Long entries = jdbc.queryForObject("select count(*) from journal_entry", Long.class);
        return new TrialBalance(currencies, entries == null ? 0 : entries);
    }

    /** The entries of one transaction, oldest first. */
    public List<JournalEntry> journalOf(UUID transactionId) {
        Map<UUID, List<Posting>> lines = new LinkedHashMap<>();
        jdbc.query("""
                select entry_id, account, currency, amount_minor from journal_posting where transaction_id = ?
                order by entry_id, line
                """, rs -> {
            lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Posting(
                    LedgerAccount.valueOf(rs.getString(2)), Money.ofMinor(rs.getLong(4), rs.getString(3))));
        }, transactionId);
        return jdbc.query("""
                select id, transaction_id, kind, currency, reference, corrects_entry_id, created_at
                from journal_entry where transaction_id = ? order by created_at, id
                """, (rs, i) -> {
            UUID id = rs.getObject(1, UUID.class);
            return new JournalEntry(id, rs.getObject(2, UUID.class), JournalEntry.Kind.valueOf(rs.getString(3)),
                    rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                    rs.getTimestamp(7).toInstant(), lines.getOrDefault(id, List.of()));
        }, transactionId);
    }

    /** Sum of one account over all transactions of a currency (debit positive). */
    public long accountBalance(LedgerAccount account, String currency) {
        Long sum = jdbc.queryForObject("""
                select coalesce(sum(amount_minor), 0) from journal_posting where account = ? and currency = ?
                """, Long.class, account.name(), currency);
        return sum == null ? 0 : sum;
    }
}
