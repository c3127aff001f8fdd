package com.platform.risk.register;

/** R4 categories (api.md vocabulary). */
public enum RiskCategory {
    MARKET, CREDIT, TECHNICAL, LEGAL, OPERATIONAL, COMPLIANCE
}
