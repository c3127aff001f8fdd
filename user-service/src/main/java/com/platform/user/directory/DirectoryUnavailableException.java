package com.platform.user.directory;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.PlatformException;
import com.platform.starter.problem.ProblemCodes;

/** Keycloak did not answer or failed: 503, nothing written on our side. */
public class DirectoryUnavailableException extends PlatformException {

    public DirectoryUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                "The identity provider is not available; try again shortly.");
        initCause(cause);
    }
}
