package com.platform.partner.admission;

/** api.md vocabulary: kinds of qualification a partner presents (P1). */
public enum QualificationKind {
    PAYMENT_BUSINESS_LICENSE, EXPRESS_DELIVERY_PERMIT, ICP_LICENSE, FOOD_BUSINESS_LICENSE, OTHER
}
