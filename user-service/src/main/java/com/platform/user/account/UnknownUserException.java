package com.platform.user.account;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.PlatformException;

/** 404 USER_NOT_FOUND; also what a caller gets for an account it may not see (no hint that it exists). */
public class UnknownUserException extends PlatformException {

    public UnknownUserException(UUID id) {
        super(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "No such user");
    }
}
