package com.platform.starter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-defaults.yml}: the conventions every service shares (probes, metrics, graceful shutdown,
 * Keycloak issuer and audience, Kafka consumer settings, Feign circuit breakers). It has the lowest precedence, so
 * a service's application.yml, the environment and command-line arguments override any of it.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("platform-defaults",
                    new ClassPathResource(RESOURCE));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
