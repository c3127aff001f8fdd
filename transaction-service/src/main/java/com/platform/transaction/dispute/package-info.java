/** Disputes (T7): opened by the payer, settlement frozen, resolved by an operator with a refund or a rejection. */
package com.platform.transaction.dispute;
