package com.platform.partner.partner;

/**
 * A person the platform talks to about a partner (reminders, review outcomes). {@code userId} links the contact to
 * a platform account when there is one: that account may not review the application (P3). Personal data: stored
 * encrypted, never in events, audit entries or logs.
 */
public record Contact(String name, String email, String phone, String userId) {

    @Override
    public String toString() {
        return "Contact[****]";
    }
}
