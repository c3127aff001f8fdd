package com.platform.risk.engine;

/** LIVE rules decide; SHADOW rules are evaluated and recorded apart, never deciding; DISABLED rules are not run. */
public enum RuleMode {
    LIVE, SHADOW, DISABLED
}
