package com.platform.risk.config;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.platform.risk.engine.ExpressionIssue;
import com.platform.risk.engine.InvalidExpressionException;
import com.platform.risk.support.RiskException;
import com.platform.starter.problem.FieldViolation;
import com.platform.starter.problem.Problems;

/** Maps risk-service's domain refusals to problem+json (X7); the starter's handler does the rest. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RiskProblemAdvice {

    static final String EXPRESSION_INVALID = "RULE_EXPRESSION_INVALID";

    private final Problems problems;

    RiskProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RiskException.class)
    ResponseEntity<ProblemDetail> handle(RiskException ex) {
        HttpStatus status = switch (ex) {
            case RiskException.NotFound n -> HttpStatus.NOT_FOUND;
            case RiskException.Conflict c -> HttpStatus.CONFLICT;
            case RiskException.DutyConflict d -> HttpStatus.FORBIDDEN;
            case RiskException.Unprocessable u -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RiskException.InvalidField i -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.BAD_REQUEST;
        };
        List<FieldViolation> errors = ex.fields().stream().map(f -> new FieldViolation(f.field(), f.message()))
                .toList();
        return respond(problems.create(status, ex.code(), ex.getMessage(), errors));
    }

    /** R2: 422 naming the position of each issue, in {@code errors[]} and as {@code issues[{line, column}]}. */
    @ExceptionHandler(InvalidExpressionException.class)
    ResponseEntity<ProblemDetail> handle(InvalidExpressionException ex) {
        List<FieldViolation> errors = ex.issues().stream()
                .map(issue -> new FieldViolation("expression", issue.toString())).toList();
        ProblemDetail problem = problems.create(HttpStatus.UNPROCESSABLE_CONTENT, EXPRESSION_INVALID,
                "The rule expression is not valid: " + ex.issues().get(0), errors);
        List<ExpressionIssue> issues = ex.issues();
        problem.setProperty("issues", issues);
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
