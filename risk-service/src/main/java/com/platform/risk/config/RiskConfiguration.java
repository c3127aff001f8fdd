package com.platform.risk.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.platform.risk.decision.DecisionPolicy;
import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.monitoring.AlertPolicy;
import com.platform.risk.register.ReviewSchedule;

/** The engine's compiler (one, shared: thread-safe) and the decision policy's properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DecisionPolicy.class, ReviewSchedule.class, AlertPolicy.class})
class RiskConfiguration {

    @Bean
    RuleCompiler ruleCompiler() {
        return new RuleCompiler();
    }
}
