/**
 * The token checks the servlet starter and the reactive gateway share, free of any web stack: each side keeps only
 * its adapter (a {@code JwtDecoder} or a {@code ReactiveJwtDecoder}, a resolver or a converter, its own JWKS fetch).
 */
package com.platform.security.core;
