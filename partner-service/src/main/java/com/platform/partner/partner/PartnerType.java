package com.platform.partner.partner;

/** P1: the four kinds of partner; the type decides which qualifications admission requires. */
public enum PartnerType {
    LOGISTICS, MERCHANT, PAYMENT_INSTITUTION, SERVICE_PROVIDER
}
