package com.platform.user.identity;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckDigitTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void acceptsKnownResidentIdNumbersAndNormalisesX() {
        assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY)).isPresent();
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY)).get()
                .extracting(ResidentIdNumber::value).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.parse("110101199003074514", TODAY)).isPresent();
    }

    @Test
    void refusesWrongCheckCharacterImpossibleDatesAndBadShapes() {
        assertThat(ResidentIdNumber.parse("110101199003074515", TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse("110101199002304513", TODAY)).as("30 February").isEmpty();
        assertThat(ResidentIdNumber.parse("110101203001014513", TODAY)).as("born in the future").isEmpty();
        assertThat(ResidentIdNumber.parse("11010119900307451", TODAY)).as("17 characters").isEmpty();
        assertThat(ResidentIdNumber.parse("11010119900307451' OR '1'='1", TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse(null, TODAY)).isEmpty();
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(ResidentIdNumber.parse("110101199003074514", TODAY).orElseThrow().toString())
                .doesNotContain("199003");
    }

    @Provide
    Arbitrary<String> first17OfResidentIds() {
        Arbitrary<String> region = Arbitraries.integers().between(110000, 659999).map(String::valueOf);
        Arbitrary<String> birth = Arbitraries.integers().between(0, 365 * 100)
                .map(days -> TODAY.minusDays(days + 1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        Arbitrary<String> sequence = Arbitraries.integers().between(0, 999).map(n -> String.format("%03d", n));
        return Combinators.combine(region, birth, sequence).as((r, b, s) -> r + b + s);
    }

    @Property(tries = 300)
    void everyNumberWithItsCheckCharacterIsValid(@ForAll("first17OfResidentIds") String first17) {
        assertThat(ResidentIdNumber.isValid(first17 + ResidentIdNumber.checkCharacter(first17), TODAY)).isTrue();
    }

    @Property(tries = 300)
    void anySingleMistypedDigitIsCaught(@ForAll("first17OfResidentIds") String first17,
            @ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String valid = first17 + ResidentIdNumber.checkCharacter(first17);
        char typo = (char) ('0' + (valid.charAt(position) - '0' + shift) % 10);
        String mistyped = valid.substring(0, position) + typo + valid.substring(position + 1);
        assertThat(ResidentIdNumber.isValid(mistyped, TODAY)).isFalse();
    }

    @Test
    void acceptsKnownUnifiedSocialCreditCodes() {
        assertThat(UnifiedSocialCreditCode.parse("91350100M000100Y43")).isPresent();
        assertThat(UnifiedSocialCreditCode.parse("91110108551385082q")).isPresent();
        assertThat(UnifiedSocialCreditCode.parse("911100007109288314")).isPresent();
    }

    @Test
    void refusesWrongCheckAndLettersOutsideTheAlphabet() {
        assertThat(UnifiedSocialCreditCode.parse("91350100M000100Y44")).isEmpty();
        assertThat(UnifiedSocialCreditCode.parse("91350100M00010OY43")).as("letter O").isEmpty();
        assertThat(UnifiedSocialCreditCode.parse("9135")).isEmpty();
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("<script>alert(1)</script>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> first17OfCreditCodes() {
        Arbitrary<Character> authority = Arbitraries.of('1', '5', '9', 'A', 'N', 'Y');
        Arbitrary<Character> category = Arbitraries.of('1', '2', '3', '9');
        Arbitrary<String> region = Arbitraries.integers().between(110000, 659999).map(String::valueOf);
        Arbitrary<String> organisation = Arbitraries.of(UnifiedSocialCreditCode.ALPHABET.chars()
                .mapToObj(c -> (char) c).toList()).list().ofSize(9)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
        return Combinators.combine(authority, category, region, organisation).as((a, c, r, o) -> "" + a + c + r + o);
    }

    @Property(tries = 300)
    void everyCreditCodeWithItsCheckCharacterIsValidAndAnySingleTypoIsCaught(
            @ForAll("first17OfCreditCodes") String first17, @ForAll @IntRange(min = 8, max = 16) int position,
            @ForAll @IntRange(min = 1, max = 30) int shift) {
        String valid = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        assertThat(UnifiedSocialCreditCode.isValid(valid)).isTrue();
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        char typo = alphabet.charAt((alphabet.indexOf(valid.charAt(position)) + shift) % alphabet.length());
        String mistyped = valid.substring(0, position) + typo + valid.substring(position + 1);
        assertThat(UnifiedSocialCreditCode.isValid(mistyped)).isFalse();
    }

    @Test
    void passportsAreCheckedByFormat() {
        assertThat(PassportNumber.parse("e12345678")).get().extracting(PassportNumber::value).isEqualTo("E12345678");
        assertThat(PassportNumber.parse("ABCDEFG")).as("no digit").isEmpty();
        assertThat(PassportNumber.parse("E1234")).as("too short").isEmpty();
        assertThat(PassportNumber.parse("E1234567890")).as("too long").isEmpty();
        assertThat(PassportNumber.parse("E12345;--")).isEmpty();
    }
}
