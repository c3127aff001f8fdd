package com.platform.transaction.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.platform.transaction.money.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** T6: a journal entry balances, in one currency, without zero lines; a reversal undoes it as a new entry. */
class JournalEntryTests {

    private final UUID tx = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void anUnbalancedOrMixedEntryCannotExist() {
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), tx, JournalEntry.Kind.REFUND, "CNY", "r", null,
                now, List.of(Posting.debit(LedgerAccount.ESCROW, Money.ofMinor(100, "CNY")),
                        Posting.credit(LedgerAccount.REFUNDS_PAYABLE, Money.ofMinor(99, "CNY")))))
                .isInstanceOf(UnbalancedEntryException.class);
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), tx, JournalEntry.Kind.REFUND, "CNY", "r", null,
                now, List.of(Posting.debit(LedgerAccount.ESCROW, Money.ofMinor(100, "CNY")),
                        Posting.credit(LedgerAccount.REFUNDS_PAYABLE, Money.ofMinor(100, "USD")))))
                .isInstanceOf(UnbalancedEntryException.class);
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), tx, JournalEntry.Kind.REFUND, "CNY", "r", null,
                now, List.of(Posting.debit(LedgerAccount.ESCROW, Money.ofMinor(0, "CNY")),
                        Posting.credit(LedgerAccount.REFUNDS_PAYABLE, Money.ofMinor(0, "CNY")))))
                .isInstanceOf(UnbalancedEntryException.class);
    }

    @Test
    void settlementSplitsWhatIsHeldAndAReversalIsANewEntryThatUndoesIt() {
        JournalEntry settlement = JournalEntry.settlement(tx, Money.ofMinor(9500, "CNY"), Money.ofMinor(500, "CNY"), now);
        assertThat(settlement.escrowDelta()).isEqualTo(10000);
        JournalEntry reversal = JournalEntry.reversal(settlement, now);
        assertThat(reversal.correctsEntryId()).isEqualTo(settlement.id());
        assertThat(reversal.id()).isNotEqualTo(settlement.id());
        assertThat(reversal.escrowDelta()).isEqualTo(-10000);
        JournalEntry noCommission = JournalEntry.settlement(tx, Money.ofMinor(100, "CNY"), Money.ofMinor(0, "CNY"), now);
        assertThat(noCommission.postings()).hasSize(2);
    }
}
