package com.platform.partner.admission;

import com.platform.partner.partner.CreditCode;

/**
 * The external credit bureau (P2), as admission needs it. {@link CreditBureauGateway} calls it over HTTP.
 */
public interface CreditBureau {

    /** @param score the bureau's score, or null when it has no record of the company (a definite answer) */
    record Answer(Integer score, String rating) {
    }

    /** @throws CreditBureauUnavailableException when there is no answer (down, slow, refused, circuit open) */
    Answer score(CreditCode code);

    class CreditBureauUnavailableException extends RuntimeException {

        public CreditBureauUnavailableException(String reason, Throwable cause) {
            super("credit bureau unavailable: " + reason, cause);
        }
    }
}
