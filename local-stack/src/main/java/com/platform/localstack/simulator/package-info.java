/**
 * The local payment institution: a WireMock extension run inside the simulator process (wiremock-standalone's
 * classpath), never loaded by the launcher. It uses only the JDK and WireMock's API.
 */
package com.platform.localstack.simulator;
