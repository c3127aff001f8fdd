package com.platform.starter.testapp;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;

/** A Feign client to this application's own internal API, as another service would call it. */
public interface SelfClient {

    @GetMapping("/internal/v1/ping")
    Map<String, String> ping();
}
