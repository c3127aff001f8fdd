package com.platform.security.core;

/**
 * The character sets Spring Security's strict firewalls ({@code StrictHttpFirewall} for servlets,
 * {@code StrictServerWebExchangeFirewall} for WebFlux) allow in header names and values, checked by a loop instead of
 * their regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, the same plus tab for values): a
 * 1.2 kB bearer token walked through the regex was 7 % of a service's CPU (issue 13). Printable ASCII is accepted
 * at once; any other code point must be assigned and not a control character, exactly as the regex demands.
 */
public final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Same set as the firewalls' {@code ALLOWED_HEADER_VALUES}: assigned, not control, tab allowed. */
    public static boolean isAllowedValue(String value) {
        return value == null || allowed(value, true);
    }

    /** Same set as the firewalls' {@code ALLOWED_HEADER_NAMES}: assigned, not control. */
    public static boolean isAllowedName(String name) {
        return name == null || allowed(name, false);
    }

    private static boolean allowed(String s, boolean tabAllowed) {
        int length = s.length();
        int i = 0;
        while (i < length) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = s.codePointAt(i);
            if (!(tabAllowed && codePoint == '\t')) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
