/** Wiring: timed jobs. */
package com.platform.transaction.config;
