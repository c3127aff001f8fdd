package com.platform.starter.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** A minimal service built on the starter, used to prove each guarantee end to end. */
@SpringBootApplication
@EnableFeignClients
public class StarterTestApplication {

    public static final String TOPIC = "test.things.v1";

    public static void main(String[] args) {
        SpringApplication.run(StarterTestApplication.class, args);
    }
}
