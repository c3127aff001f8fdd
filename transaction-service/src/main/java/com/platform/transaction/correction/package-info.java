/** Ledger corrections (T6 "corrections are new entries"): proposed by one admin, applied after a second's approval. */
package com.platform.transaction.correction;
