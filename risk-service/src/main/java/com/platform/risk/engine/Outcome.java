package com.platform.risk.engine;

/**
 * What one rule said about one transaction. {@code ERROR}: the expression could not be evaluated (e.g. a division
 * by zero or an overflow); it is recorded as such and never counted as a silent "no hit" (see DecisionPolicy).
 */
public enum Outcome {
    HIT, NO_HIT, ERROR
}
