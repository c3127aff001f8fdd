package com.platform.starter.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * G4/X5: one request id follows a request through the gateway, the service, its Feign calls and the Kafka
 * events it causes. It lives in the logging context (MDC) under {@value #MDC_KEY}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    // A client-chosen id ends up in logs and headers: accept only a safe, bounded alphabet.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** The given id if it is acceptable, otherwise a new one. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** Runs work with the given request id in the logging context, restoring whatever was there before. */
    public static void runWith(String requestId, Runnable work) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, acceptOrGenerate(requestId));
        try {
            work.run();
        }
        finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            }
            else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
