package com.platform.starter.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;

/** Problem details for every error (X7). */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Problems problems(@Value("${platform.problems.type-base:https://docs.platform.example/problems/}") String typeBase,
            JsonMapper jsonMapper) {
        return new Problems(typeBase, jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformProblemHandler platformProblemHandler(Problems problems) {
        return new PlatformProblemHandler(problems);
    }
}
