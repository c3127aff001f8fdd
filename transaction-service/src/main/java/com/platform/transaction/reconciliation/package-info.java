/** Reconciliation of payment providers' statements with the ledger (T5). */
package com.platform.transaction.reconciliation;
