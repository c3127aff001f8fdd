package com.platform.starter.requestid;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Carries the current request id on every outgoing Feign call. */
public class RequestIdFeignInterceptor implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        String requestId = RequestIds.current();
        if (requestId != null && !template.headers().containsKey(RequestIds.HEADER)) {
            template.header(RequestIds.HEADER, requestId);
        }
    }
}
