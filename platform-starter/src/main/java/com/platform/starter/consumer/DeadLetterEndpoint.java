package com.platform.starter.consumer;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code POST /actuator/deadletters/{topic}} (admin): replays the dead letters one consumer group of this service
 * parked for that topic; {@code group} in the body names it (default: the service's own group id).
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterReplayer replayer;

    public DeadLetterEndpoint(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector String topic, @Nullable String group, @Nullable Integer max) {
        String replayedGroup = group == null || group.isBlank() ? replayer.defaultGroup() : group;
        int replayed = replayer.replay(topic, replayedGroup, max == null ? 1000 : max);
        return Map.of("topic", topic, "group", replayedGroup, "replayed", replayed);
    }
}
