package com.platform.starter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authorisation before validation: evaluates the handler's {@code @PreAuthorize} (on the method, else on the
 * controller) before Spring MVC reads the body, converts path variables or validates anything, so a caller
 * without the role gets 403 whatever it sends, never a 400 that describes the endpoint's input. Method security
 * still guards the call itself; this only moves the role check first.
 *
 * <p>No argument exists yet at this point, so expressions that name one ({@code #id}) are left to method security
 * alone; role and authentication checks, which is what endpoint annotations hold, are evaluated here.
 */
public class AuthorizeBeforeBindingInterceptor implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager preAuthorize;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public AuthorizeBeforeBindingInterceptor(PreAuthorizeAuthorizationManager preAuthorize) {
        this.preAuthorize = preAuthorize;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        SimpleMethodInvocation invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
                new Object[method.getMethod().getParameterCount()]);
        AuthorizationResult result = preAuthorize.authorize(() -> contexts.getContext().getAuthentication(),
                invocation);
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }
}
