package com.platform.risk.register;

/** R4 answers to a risk. */
public enum Strategy {
    AVOID, REDUCE, TRANSFER, ACCEPT
}
