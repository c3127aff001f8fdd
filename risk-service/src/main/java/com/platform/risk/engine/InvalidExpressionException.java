package com.platform.risk.engine;

import java.util.List;

/** A rule expression that does not compile against the vocabulary, or breaks the bounds on size and nesting. */
public class InvalidExpressionException extends RuntimeException {

    private final List<ExpressionIssue> issues;

    public InvalidExpressionException(List<ExpressionIssue> issues) {
        super(issues.isEmpty() ? "invalid expression" : issues.get(0).toString());
        this.issues = List.copyOf(issues);
    }

    public List<ExpressionIssue> issues() {
        return issues;
    }
}
