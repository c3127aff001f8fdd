package com.platform.user.violation;

/** How grave a violation is (U8), as recorded by an operator or derived from another service's event. */
public enum Severity { MINOR, MAJOR, SEVERE }
