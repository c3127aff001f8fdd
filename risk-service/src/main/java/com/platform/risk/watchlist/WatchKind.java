package com.platform.risk.watchlist;

import java.util.UUID;

import com.google.common.net.InetAddresses;

import com.platform.risk.support.RiskException;
import com.platform.risk.support.Text;

/**
 * What a watchlist entry names. Values are normalised so that a lookup finds them however they were typed: a
 * USER is the payer's id (a UUID), an IP an address literal in canonical form (never resolved by DNS), a DEVICE
 * the device id the caller sends, a DOCUMENT the document reference the caller sends ({@code documentRef}).
 */
public enum WatchKind {
    USER, DOCUMENT, DEVICE, IP;

    public static final int MAX_VALUE_LENGTH = 200;

    /** @throws RiskException.InvalidField naming {@code field} if the value is not one of this kind */
    public String normalise(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RiskException.InvalidField(field, "must not be blank");
        }
        String trimmed = value.strip();
        switch (this) {
            case USER -> {
                try {
                    return UUID.fromString(trimmed).toString();
                }
                catch (IllegalArgumentException e) {
                    throw new RiskException.InvalidField(field, "must be a user id (UUID)");
                }
            }
            case IP -> {
                if (trimmed.length() > 45 || !InetAddresses.isInetAddress(trimmed)) {
                    throw new RiskException.InvalidField(field, "must be an IPv4 or IPv6 address");
                }
                return InetAddresses.toAddrString(InetAddresses.forString(trimmed));
            }
            default -> {
                if (trimmed.length() > MAX_VALUE_LENGTH || !Text.token(trimmed)) {
                    throw new RiskException.InvalidField(field,
                            "must be 1-" + MAX_VALUE_LENGTH + " printable characters");
                }
                return trimmed;
            }
        }
    }
}
