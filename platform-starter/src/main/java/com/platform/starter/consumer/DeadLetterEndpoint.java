package com.platform.starter.consumer;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/** {@code POST /actuator/deadletters/{topic}} (admin): replays that topic's dead letters. */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterReplayer replayer;

    public DeadLetterEndpoint(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector String topic, @Nullable Integer max) {
        int replayed = replayer.replay(topic, max == null ? 1000 : max);
        return Map.of("topic", topic, "replayed", replayed);
    }
}
