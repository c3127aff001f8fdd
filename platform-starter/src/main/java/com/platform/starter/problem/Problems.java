package com.platform.starter.problem;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.platform.starter.requestid.RequestIds;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the platform's RFC 9457 problem details: {@code type}, {@code title}, {@code status}, {@code detail},
 * a stable {@code code}, {@code errors[]} for fields and the {@code requestId}. Also writes them from filters,
 * where no controller advice runs (authentication, idempotency keys).
 */
public class Problems {

    private final String typeBase;
    private final JsonMapper jsonMapper;

    public Problems(String typeBase, JsonMapper jsonMapper) {
        this.typeBase = typeBase.endsWith("/") ? typeBase : typeBase + "/";
        this.jsonMapper = jsonMapper;
    }

    public ProblemDetail create(HttpStatus status, String code, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        decorate(problem, code, errors);
        return problem;
    }

    /** Adds type, code, errors and request id to a problem a framework already built. */
    public void decorate(ProblemDetail problem, String code, List<FieldViolation> errors) {
        problem.setType(URI.create(typeBase + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String detail) throws IOException {
        write(request, response, status, code, detail, List.of());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String detail, List<FieldViolation> errors) throws IOException {
        ProblemDetail problem = create(status, code, detail, errors);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
