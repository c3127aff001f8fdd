/** Spring wiring of risk-service: the engine's beans, the problem advice. */
package com.platform.risk.config;
