package com.platform.security.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.util.StringUtils;

/**
 * The validators Spring Boot configures for a resource server, built from the values of
 * {@code spring.security.oauth2.resourceserver.jwt.*} (the adapters read Boot's properties): the same set for the
 * full decode and for the {@link VerifiedTokenCache}'s revalidation of a hit.
 */
public final class TokenValidators {

    private TokenValidators() {
    }

    /**
     * Issuer if set, audiences if set, the additional validators, then Spring's defaults (type, timestamps with 60 s
     * skew, X.509 thumbprint), the timestamps checked against {@code clock}.
     */
    public static OAuth2TokenValidator<Jwt> of(String issuerUri, List<String> audiences,
            List<OAuth2TokenValidator<Jwt>> additionalValidators, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (StringUtils.hasText(issuerUri)) {
            validators.add(new JwtIssuerValidator(issuerUri));
        }
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        validators.addAll(additionalValidators);
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        validators.add(timestamps);
        return JwtValidators.createDefaultWithValidators(validators);
    }
}
