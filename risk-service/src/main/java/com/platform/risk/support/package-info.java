/** What every feature of risk-service shares and no business concept: domain refusals, text checks. */
package com.platform.risk.support;
