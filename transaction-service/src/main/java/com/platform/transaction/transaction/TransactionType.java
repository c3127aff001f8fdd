package com.platform.transaction.transaction;

import java.util.Set;

/** T1: what is bought, and which partner types may provide it. */
public enum TransactionType {
    /** A parcel or mail order with a LOGISTICS partner. */
    DELIVERY(Set.of("LOGISTICS")),
    /** An order with a MERCHANT. */
    ECOMMERCE(Set.of("MERCHANT")),
    /** A payment with a PAYMENT_INSTITUTION or a SERVICE_PROVIDER; the payer needs L2 (T2). */
    FINANCIAL(Set.of("PAYMENT_INSTITUTION", "SERVICE_PROVIDER"));

    private final Set<String> partnerTypes;

    TransactionType(Set<String> partnerTypes) {
        this.partnerTypes = partnerTypes;
    }

    public boolean fitsPartnerType(String partnerType) {
        return partnerType != null && partnerTypes.contains(partnerType);
    }

    public Set<String> partnerTypes() {
        return partnerTypes;
    }
}
