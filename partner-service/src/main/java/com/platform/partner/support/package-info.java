/** What every feature of partner-service shares: domain refusals, text constraints, JSON columns. */
package com.platform.partner.support;
