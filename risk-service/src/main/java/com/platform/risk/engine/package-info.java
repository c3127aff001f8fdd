/** The rule engine (R1, R2): CEL expressions over the vocabulary's facts, compiled once, evaluated per transaction; no Spring. */
package com.platform.risk.engine;
