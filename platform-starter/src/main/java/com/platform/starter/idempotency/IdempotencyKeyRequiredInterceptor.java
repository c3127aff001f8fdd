package com.platform.starter.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.platform.starter.problem.PlatformException;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses a request to an {@link IdempotencyKeyRequired} handler that carries no key. */
class IdempotencyKeyRequiredInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(IdempotencyKeyRequired.class)
                && request.getHeader(IdempotencyFilter.HEADER) == null) {
            throw PlatformException.invalidField(IdempotencyFilter.HEADER, "header is required for this operation");
        }
        return true;
    }
}
