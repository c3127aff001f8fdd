package com.platform.user.identity;

/** The identity documents a person may verify with (U4). */
public enum DocumentType {
    RESIDENT_ID, PASSPORT
}
