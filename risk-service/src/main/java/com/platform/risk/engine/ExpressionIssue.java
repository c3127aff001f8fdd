package com.platform.risk.engine;

/** What is wrong with an expression and where: line and column count from 1. */
public record ExpressionIssue(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
