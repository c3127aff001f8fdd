package com.platform.partner.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * Free text (names, reasons, terms, findings): no markup ({@code < >}) and no control characters other than line
 * breaks and tabs. Length and presence are separate constraints on the field.
 */
@Pattern(regexp = "[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x{80}-\\x{9F}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    String message() default "must not contain markup (< >) or control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
