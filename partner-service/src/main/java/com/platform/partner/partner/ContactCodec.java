package com.platform.partner.partner;

import java.util.List;

import org.springframework.stereotype.Component;

import com.platform.partner.support.Json;
import com.platform.starter.crypto.FieldEncryptor;

/**
 * Contacts as stored: name, e-mail and phone encrypted with the starter's {@link FieldEncryptor} (X4: personal
 * data is confidential), the platform user id in clear (it is an opaque id).
 */
@Component
public class ContactCodec {

    private static final String CONTEXT = "partner.contact";

    private final FieldEncryptor encryptor;
    private final Json json;

    ContactCodec(FieldEncryptor encryptor, Json json) {
        this.encryptor = encryptor;
        this.json = json;
    }

    record Stored(String name, String email, String phone, String userId) {
    }

    public String write(List<Contact> contacts) {
        return json.write(contacts.stream().map(c -> new Stored(seal(c.name()), seal(c.email()), seal(c.phone()),
                c.userId())).toList());
    }

    public List<Contact> read(String stored) {
        return json.readList(stored, Stored.class).stream()
                .map(s -> new Contact(open(s.name()), open(s.email()), open(s.phone()), s.userId()))
                .toList();
    }

    private String seal(String value) {
        return value == null ? null : encryptor.encrypt(value, CONTEXT);
    }

    private String open(String value) {
        return value == null ? null : encryptor.decrypt(value, CONTEXT);
    }
}
