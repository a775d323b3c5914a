package io.heed.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ada@example.com",
                "first.last+tag@sub.example.co.uk",
                "o'brien@example.ie",
                "x@a-b.example",
                "jürgen@müller.de",
                "山田@例え.jp",
                "a!#$%&'*+/=?^_`{|}~-@example.com"
            })
    void accepts(String address) {
        assertTrue(EmailAddresses.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "@example.com",
                "ada@",
                "ada@localhost",
                "ada@@example.com",
                "a@b@example.com",
                ".ada@example.com",
                "ada.@example.com",
                "a..da@example.com",
                "ada@-example.com",
                "ada@example-.com",
                "ada@example..com",
                "ada@example.com.",
                "ada lovelace@example.com",
                "ada@exa mple.com",
                "\"quoted\"@example.com",
                "ada@[127.0.0.1]",
                "ada@example.com\r\nBcc: victim@example.com",
                "ada\n@example.com",
                "ada<script>@example.com"
            })
    void refuses(String address) {
        assertFalse(EmailAddresses.isValid(address), address);
    }

    @org.junit.jupiter.api.Test
    void enforcesLengthLimits() {
        assertTrue(EmailAddresses.isValid("a".repeat(64) + "@example.com"));
        assertFalse(EmailAddresses.isValid("a".repeat(65) + "@example.com"));
        assertFalse(EmailAddresses.isValid("a@" + "b".repeat(64) + ".com"));
        assertFalse(EmailAddresses.isValid("a@" + ("b".repeat(60) + ".").repeat(5) + "com"));
    }

    @org.junit.jupiter.api.Test
    void keysIgnoreCaseAndSurroundingSpace() {
        assertEquals("ada@example.com", EmailAddresses.key("  Ada@Example.COM "));
    }
}
