package com.platform.starter.problem;

/** One field that failed validation, named by its JSON path (e.g. {@code contacts[0].email}). */
public record FieldViolation(String field, String message) {
}
