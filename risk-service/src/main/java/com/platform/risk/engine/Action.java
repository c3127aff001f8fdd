package com.platform.risk.engine;

/** A rule's action and an assessment's decision, in rising severity: the most severe live action that fires wins. */
public enum Action {
    APPROVE, REVIEW, REJECT;

    public Action atLeast(Action other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
