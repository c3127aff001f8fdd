package com.platform.starter.problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.platform.starter.requestid.RequestIds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** An error repeated on every request logs its stack trace once per interval, and one line per request. */
class UnexpectedErrorLoggingTests {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final PlatformProblemHandler handler = new PlatformProblemHandler(
            new Problems("https://docs.platform.example/problems/", JsonMapper.builder().build()), Duration.ofMinutes(1),
            clock);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PlatformProblemHandler.class);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        MDC.clear();
    }

    /** A new exception each time, thrown from the given place (as by code running the same path again). */
    private static RuntimeException thrownAt(String method, int line, String message) {
        RuntimeException error = new IllegalStateException(message);
        error.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.example.Things", method, "Things.java", line),
                new StackTraceElement("com.example.ThingController", "create", "ThingController.java", 20)});
        return error;
    }

    /** The same failure on every request; its message differs per request, as messages with ids do. */
    private static RuntimeException databaseDown() {
        return thrownAt("load", 42, "connection to 10.0.0.7 refused for " + java.util.UUID.randomUUID());
    }

    /** The same exception type thrown elsewhere: a different error. */
    private static RuntimeException anotherFailure() {
        return thrownAt("save", 77, "not here");
    }

    private void request(String requestId, Exception error) {
        MDC.put(RequestIds.MDC_KEY, requestId);
        var response = handler.handleUnexpected(error,
                new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/things")));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
    }

    private List<ILoggingEvent> withStackTrace() {
        return appender.list.stream().filter(e -> e.getThrowableProxy() != null).toList();
    }

    @Test
    void errorOnEveryRequestLogsOneStackTraceAndOneLinePerRequest() {
        for (int i = 0; i < 200; i++) {
            request("req-" + i, databaseDown());
        }

        assertThat(appender.list).hasSize(200);
        assertThat(withStackTrace()).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("req-0"));
        for (int i = 0; i < 200; i++) {
            String id = "req-" + i;
            assertThat(appender.list.get(i).getFormattedMessage()).contains("(request " + id + ")")
                    .contains(IllegalStateException.class.getName() + " at com.example.Things.load(Things.java:42)")
                    .doesNotContain("10.0.0.7");
        }
    }

    @Test
    void stackTraceIsLoggedAgainOnceTheIntervalHasPassedWithTheCountOfLinesWithoutIt() {
        request("first", databaseDown());
        clock.now = clock.now.plusSeconds(30);
        request("within", databaseDown());
        request("within-too", databaseDown());
        clock.now = clock.now.plusSeconds(31);
        request("after", databaseDown());

        assertThat(withStackTrace()).extracting(ILoggingEvent::getFormattedMessage)
                .satisfiesExactly(m -> assertThat(m).contains("first"),
                        m -> assertThat(m).contains("after").contains("2 more since the last stack trace"));
    }

    @Test
    void eachDistinctErrorGetsItsOwnStackTrace() {
        request("a-1", databaseDown());
        request("b-1", anotherFailure());
        request("a-2", databaseDown());
        request("b-2", anotherFailure());

        assertThat(withStackTrace()).extracting(ILoggingEvent::getFormattedMessage)
                .satisfiesExactly(m -> assertThat(m).contains("a-1"), m -> assertThat(m).contains("b-1"));
        assertThat(appender.list).hasSize(4);
    }
}
