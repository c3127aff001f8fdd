package com.platform.starter.problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides when an unexpected error's stack trace is worth logging: once per distinct error (exception type and
 * its top frames, plus the root cause's type) per interval. An error repeated on every request thus writes one
 * stack trace a minute, not thousands, while each request still gets a one-line entry with its request id.
 */
final class StackTraceThrottle {

    private static final int FRAMES = 3;
    // Distinct errors are few; a flood of new ones only resets the memory, it never grows without bound.
    private static final int MAX_TRACKED = 1000;

    /** Whether to log the stack trace now, and how many entries of this error went without one since the last. */
    record Decision(boolean stackTrace, long suppressed, Instant lastStackTraceAt) {
    }

    private record Window(Instant stackTraceAt, long suppressed) {
    }

    private final Duration interval;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    StackTraceThrottle(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    Duration interval() {
        return interval;
    }

    Decision decide(Throwable error) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.clear();
        }
        Window[] before = new Window[1];
        Window after = windows.compute(fingerprint(error), (key, window) -> {
            before[0] = window;
            if (window == null || !now.isBefore(window.stackTraceAt().plus(interval))) {
                return new Window(now, 0);
            }
            return new Window(window.stackTraceAt(), window.suppressed() + 1);
        });
        boolean stackTrace = after.suppressed() == 0;
        long suppressed = stackTrace && before[0] != null ? before[0].suppressed() : after.suppressed();
        return new Decision(stackTrace, suppressed, after.stackTraceAt());
    }

    /** Type and top frames; never the message, which differs per request (ids) and may hold data. */
    static String fingerprint(Throwable error) {
        StringBuilder key = new StringBuilder(error.getClass().getName());
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            key.append('|').append(frames[i]);
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != error) {
            key.append("|cause:").append(root.getClass().getName());
            if (root.getStackTrace().length > 0) {
                key.append('@').append(root.getStackTrace()[0]);
            }
        }
        return key.toString();
    }

    /** A one-line description safe to log on every request: type and the frame that threw. */
    static String summary(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        return error.getClass().getName() + (frames.length > 0 ? " at " + frames[0] : "");
    }
}
