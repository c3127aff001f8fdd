package com.platform.user.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person's or company's name, 1-64 characters: letters (any script), digits, spaces and {@code . ' _ · - ( )}.
 * Markup, quotes other than the apostrophe, semicolons, equals signs and control characters are refused, which
 * keeps script and SQL fragments out of names shown to staff.
 */
@NotBlank
@Size(max = 64)
@Pattern(regexp = "[\\p{L}\\p{M}\\p{N} .'_·()-]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainName {

    String message() default "must be 1-64 letters, digits, spaces or . ' _ · - ( )";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
