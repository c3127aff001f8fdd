package com.platform.partner.admission;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The credit bureau's HTTP API (a third party; WireMock stands in for it locally and in tests). */
@FeignClient(name = "credit-bureau", url = "${partner.credit-bureau.base-url}")
interface CreditBureauClient {

    record ScoreResponse(String creditCode, Integer score, String rating) {
    }

    @GetMapping("/credit/v1/companies/{code}/score")
    ScoreResponse score(@PathVariable("code") String code);
}
