package com.platform.starter.consumer;

/** A record that can never be processed (not a CloudEvent, unknown shape): it goes to the dead-letter topic at once. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
