package com.platform.localstack;

/** One part of the local stack: started, checked for health, stopped. */
interface Component {

    String name();

    /** Where a developer reaches it (printed at start-up), or a short description. */
    String address();

    void start() throws Exception;

    boolean healthy();

    void stop();
}
