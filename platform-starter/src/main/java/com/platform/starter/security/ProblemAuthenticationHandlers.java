package com.platform.starter.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.platform.starter.problem.ProblemCodes;
import com.platform.starter.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filter chain as problem+json, with a bearer challenge that reveals no detail. */
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    public ProblemAuthenticationHandlers(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        boolean tokenPresent = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED,
                tokenPresent ? "The access token is not valid." : "Authentication is required.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN,
                "You are not allowed to perform this operation.");
    }
}
