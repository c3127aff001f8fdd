package com.platform.risk.monitoring;

/** R5 alert levels, in rising severity. */
public enum AlertLevel {
    WARNING, CRITICAL
}
