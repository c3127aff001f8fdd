package com.platform.transaction.payment;

/** api.md's payment methods (T5). */
public enum PaymentMethod { BANK_CARD, WALLET, BANK_TRANSFER }
