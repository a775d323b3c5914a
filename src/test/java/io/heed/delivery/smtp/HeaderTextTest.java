package io.heed.delivery.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Header text from data, without a server. */
class HeaderTextTest {

    @Test
    void headerTextIsOneLine() {
        assertEquals("a b", HeaderText.singleLine("a\r\nb"));
        assertEquals("Eve Bcc: x@example.com", HeaderText.singleLine("Eve\r\n Bcc: x@example.com\r\n"));
        assertEquals("x y z", HeaderText.singleLine("x\u0000y\u2028z\u0085"));
        assertEquals("Zoë 请", HeaderText.singleLine("  Zoë\t请 "));
    }
}
