package com.platform.partner.config;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * X7: dates are ISO strings ({@code 2026-01-31}) and nothing else; Jackson would otherwise read a number as a day
 * count since 1970, turning {@code "licenseExpiresOn": 42} into 1970-02-12 instead of a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictDates() {
        return builder -> builder.withConfigOverride(LocalDate.class,
                override -> override.setFormat(JsonFormat.Value.forLeniency(false)));
    }
}
