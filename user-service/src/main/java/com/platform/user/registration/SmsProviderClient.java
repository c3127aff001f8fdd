package com.platform.user.registration;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The SMS provider's HTTP API (a third party; WireMock stands in for it locally and in tests). */
@FeignClient(name = "sms-provider", url = "${user.sms.base-url}")
interface SmsProviderClient {

    record SmsMessage(String to, String text) {

        @Override
        public String toString() {
            return "SmsMessage[****]";
        }
    }

    @PostMapping(path = "/sms/v1/messages", consumes = "application/json")
    void send(@RequestBody SmsMessage message);
}
