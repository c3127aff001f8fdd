/** The escrow ledger (T6): balanced, immutable double-entry journal entries in exact minor units. */
package com.platform.transaction.ledger;
