package com.platform.partner.supervision;

/** api.md vocabulary: how serious an inspection finding is. */
public enum Severity {
    MINOR, MAJOR, CRITICAL
}
