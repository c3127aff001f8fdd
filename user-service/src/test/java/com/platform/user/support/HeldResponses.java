package com.platform.user.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock transformer that makes a third party as slow as a test needs: a stub using it ({@code
 * .withTransformers(HeldResponses.NAME)}) holds each answer until the test releases it, and tells the test when a
 * request has arrived, so a test acts while a call is provably in flight without sleeping.
 */
public final class HeldResponses implements ResponseTransformerV2 {

    public static final String NAME = "held-responses";

    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    /** Holds the next answers again; call before the request is made. */
    public void hold() {
        requests.set(0);
        arrived = new CountDownLatch(1);
        released = new CountDownLatch(1);
    }

    /** How many requests reached the held stub since {@link #hold}. */
    public int requests() {
        return requests.get();
    }

    /** Waits until a request is being held by the third party. */
    public void awaitArrival() throws InterruptedException {
        if (!arrived.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no request reached the held stub");
        }
    }

    public void release() {
        released.countDown();
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        requests.incrementAndGet();
        arrived.countDown();
        try {
            // bounded, so a test that forgets to release cannot hang the server
            released.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return response;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
