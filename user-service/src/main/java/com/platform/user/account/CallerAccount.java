package com.platform.user.account;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;

/** The account of the person calling: their token's subject is their account id. */
public final class CallerAccount {

    private CallerAccount() {
    }

    public static UUID id() {
        try {
            return UUID.fromString(CurrentCaller.get().subject());
        }
        catch (IllegalArgumentException e) {
            throw new PlatformException(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "No account belongs to this login.");
        }
    }
}
