package com.platform.starter.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link AuthorizeBeforeBindingInterceptor} first among the MVC interceptors, with the expression
 * handler method security uses (or one configured like it), so both checks read {@code hasRole(...)} alike.
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HandlerInterceptor.class)
public class AuthorizeBeforeBindingAutoConfiguration {

    @Bean
    WebMvcConfigurer authorizeBeforeBinding(ApplicationContext context,
            ObjectProvider<MethodSecurityExpressionHandler> expressionHandlers,
            ObjectProvider<GrantedAuthorityDefaults> authorityDefaults) {
        MethodSecurityExpressionHandler expressions = expressionHandlers.getIfUnique(() -> {
            DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
            handler.setApplicationContext(context);
            authorityDefaults.ifAvailable(defaults -> handler.setDefaultRolePrefix(defaults.getRolePrefix()));
            return handler;
        });
        PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
        preAuthorize.setExpressionHandler(expressions);
        preAuthorize.setApplicationContext(context);
        AuthorizeBeforeBindingInterceptor interceptor = new AuthorizeBeforeBindingInterceptor(preAuthorize);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }
}
