package io.heed.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.heed.platform.api.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CSV reader alone: limits and line bookkeeping that need no server. */
class EmployeeCsvTest {

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readingPastTheLimitStopsWith413() {
        String csv = "email,name,region\n" + "someone@example.com,Someone,EMEA\n".repeat(10);
        ApiException refused =
                assertThrows(ApiException.class, () -> EmployeeCsv.read(new LimitedInputStream(utf8(csv), 100)));
        assertEquals(413, refused.status());
    }

    @Test
    void aFileWithoutATrailingNewlineKeepsItsLastRow() {
        EmployeeCsv.Parsed parsed = EmployeeCsv.read(utf8("email,name,region\r\na@example.com,A,EMEA"));
        assertEquals(1, parsed.rows().size());
        assertEquals(2, parsed.rows().get(0).line());
    }

    @Test
    void headerNamesAreCaseAndSpaceInsensitive() {
        EmployeeCsv.Parsed parsed = EmployeeCsv.read(utf8(" Email , NAME,Region\na@example.com,A,EMEA\n"));
        assertEquals("A", parsed.rows().get(0).employee().name());
    }

    @Test
    void aStrayQuoteInsideAFieldIsMalformed() {
        ApiException refused = assertThrows(
                ApiException.class, () -> EmployeeCsv.read(utf8("email,name,region\na@example.com,\"A\"x,EMEA\n")));
        assertEquals(400, refused.status());
        assertEquals(true, refused.getMessage().startsWith("Malformed CSV"), refused.getMessage());
    }
}
