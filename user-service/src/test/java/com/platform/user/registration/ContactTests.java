package com.platform.user.registration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTests {

    @Test
    void mainlandMobileNumbersBecomeE164() {
        assertThat(PhoneNumber.parse("139 1234 5678")).get().extracting(PhoneNumber::e164).isEqualTo("+8613912345678");
        assertThat(PhoneNumber.parse("+8613912345678")).get().extracting(PhoneNumber::e164).isEqualTo("+8613912345678");
        assertThat(PhoneNumber.parse("+44 7911 123456")).get().extracting(PhoneNumber::e164).isEqualTo("+447911123456");
    }

    @Test
    void refusesWhatIsNotAMobileNumber() {
        assertThat(PhoneNumber.parse("+8612912345678")).as("no mainland mobile starts 12").isEmpty();
        assertThat(PhoneNumber.parse("12345")).isEmpty();
        assertThat(PhoneNumber.parse("+86139123456789")).isEmpty();
        assertThat(PhoneNumber.parse("1391234567a")).isEmpty();
        assertThat(PhoneNumber.parse("+86139\u00001234567")).as("control character").isEmpty();
    }

    @Test
    void emailAddressesAreTrimmedAndLowerCased() {
        assertThat(EmailAddress.parse("  Li.Lei@Example.COM ")).get().extracting(EmailAddress::value)
                .isEqualTo("li.lei@example.com");
    }

    @Test
    void refusesMalformedOrHostileEmailAddresses() {
        assertThat(EmailAddress.parse("li.lei@example")).isEmpty();
        assertThat(EmailAddress.parse("li lei@example.com")).isEmpty();
        assertThat(EmailAddress.parse("li..lei@example.com")).isEmpty();
        assertThat(EmailAddress.parse("<script>@example.com")).isEmpty();
        assertThat(EmailAddress.parse("a@b.com\r\nBcc: x@y.com")).isEmpty();
        assertThat(EmailAddress.parse("x".repeat(250) + "@example.com")).isEmpty();
    }

    @Test
    void contactsNeverPrintThemselves() {
        assertThat(PhoneNumber.parse("13912345678").orElseThrow().toString()).doesNotContain("1234");
        assertThat(EmailAddress.parse("li.lei@example.com").orElseThrow().toString()).doesNotContain("lei");
    }
}
