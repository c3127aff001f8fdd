package com.platform.partner.admission;

import com.platform.partner.partner.CreditCode;
import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.stereotype.Component;

/**
 * {@link CreditBureau} over Feign: the client's read timeout is the time limit, Spring Cloud's circuit breaker
 * around every Feign call fails fast while the bureau is down, and this class is the fallback: anything but a
 * score (or a 404, "no record") is "no answer", which leaves the check pending and is never an admission.
 * A 404 is an answer, not a failure, so the breaker ignores it (application.yml).
 */
@Component
class CreditBureauGateway implements CreditBureau {

    private final CreditBureauClient client;

    CreditBureauGateway(CreditBureauClient client) {
        this.client = client;
    }

    @Override
    public Answer score(CreditCode code) {
        CreditBureauClient.ScoreResponse response;
        try {
            response = client.score(code.value());
        }
        catch (RuntimeException e) {
            FeignException feign = find(e, FeignException.class);
            if (feign != null && feign.status() == 404) {
                return new Answer(null, null);
            }
            if (find(e, CallNotPermittedException.class) != null) {
                throw new CreditBureauUnavailableException("circuit open", e);
            }
            throw new CreditBureauUnavailableException(feign != null && feign.status() > 0
                    ? "HTTP " + feign.status() : rootCause(e).getClass().getSimpleName(), e);
        }
        if (response == null || response.score() == null) {
            throw new CreditBureauUnavailableException("answer without a score", null);
        }
        return new Answer(response.score(), response.rating());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
