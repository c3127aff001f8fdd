/**
 * Fixtures for integration tests of every module: one embedded PostgreSQL per test JVM, a local token issuer that
 * signs Keycloak-shaped tokens (and the broken ones a resource server must refuse), generated Tink keysets, and
 * {@link com.platform.testsupport.PlatformTestEnvironment} wiring them into Spring properties.
 */
package com.platform.testsupport;
