package com.platform.starter.problem;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Problem details for every error (X7). */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Problems problems(@Value("${platform.problems.type-base:https://docs.platform.example/problems/}") String typeBase,
            JsonMapper jsonMapper) {
        return new Problems(typeBase, jsonMapper);
    }

    /**
     * Strict JSON input (X7, U3): a number or boolean where text is expected, text where a number is expected, an
     * ordinal for an enum, or a single value for a list is a wrong type and gets a 400 naming the field, instead
     * of being coerced into something the caller did not send.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformProblemHandler platformProblemHandler(Problems problems,
            @Value("${platform.problems.stack-trace-interval:1m}") Duration stackTraceInterval) {
        return new PlatformProblemHandler(problems, stackTraceInterval, Clock.systemUTC());
    }
}
