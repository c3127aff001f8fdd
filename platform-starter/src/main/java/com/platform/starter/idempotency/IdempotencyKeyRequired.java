package com.platform.starter.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that api.md lists as <em>idem</em>: a request without an {@code Idempotency-Key} header is refused
 * with 400; with one, the first response is stored and replayed for retries (T4).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IdempotencyKeyRequired {
}
