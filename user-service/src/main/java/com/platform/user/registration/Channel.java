package com.platform.user.registration;

/** How the person registered and where the one-time code goes (U1). */
public enum Channel {
    EMAIL, PHONE
}
