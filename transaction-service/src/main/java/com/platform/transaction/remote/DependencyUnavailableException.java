package com.platform.transaction.remote;

/**
 * A service or provider we depend on gave no usable answer in time (down, slow, 5xx, circuit open). Nothing is
 * written: the request fails fast with 503 naming the dependency, and the client may retry.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;
    private final String code;

    public DependencyUnavailableException(String dependency, String code, Throwable cause) {
        super(dependency + " is unavailable", cause);
        this.dependency = dependency;
        this.code = code;
    }

    public String dependency() {
        return dependency;
    }

    public String code() {
        return code;
    }
}
