package com.platform.transaction.ledger;

/**
 * The accounts of the escrow ledger (T6). Postings are signed minor units, debit positive and credit negative, so
 * every journal entry sums to zero and so does the whole ledger. README.md lists the postings of each movement.
 */
public enum LedgerAccount {
    /** Asset: the payers' funds at the payment provider, received for our account (payer funding). */
    PROVIDER_CLEARING,
    /** Liability: funds held for a transaction until it settles or is refunded; never a debit balance. */
    ESCROW,
    /** Liability: what the platform owes partners for settled transactions. */
    PARTNER_PAYABLE,
    /** Income: the platform's commission on settled transactions. */
    PLATFORM_COMMISSION,
    /** Liability: refunds owed to payers, paid out through the provider. */
    REFUNDS_PAYABLE
}
