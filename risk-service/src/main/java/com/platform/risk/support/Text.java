package com.platform.risk.support;

/** Checks on free text written by staff: no control characters (line breaks and tabs allowed), no markup. */
public final class Text {

    private Text() {
    }

    public static boolean plain(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    /** A single-line token (ids, device ids, names): printable, no spaces at the ends. */
    public static boolean token(String value) {
        if (value == null || value.isEmpty() || !value.strip().equals(value)) {
            return false;
        }
        return value.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '<' || c == '>');
    }
}
