package com.platform.user.account;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.PlatformException;

/** A transition the account's current state does not allow: 409 with a stable code. */
public class AccountStateException extends PlatformException {

    public AccountStateException(String detail) {
        super(HttpStatus.CONFLICT, "USER_STATE_CONFLICT", detail);
    }
}
