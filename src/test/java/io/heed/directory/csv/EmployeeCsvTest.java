package io.heed.directory.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.heed.directory.EmployeeRecord;
import io.heed.directory.EmployeeSource;
import io.heed.platform.error.Refusal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reader alone: limits and line bookkeeping that need no server. */
class EmployeeCsvTest {

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps what the reader hands over, as the import's staging table would. */
    static final class Collected implements EmployeeSource.Sink {
        final List<EmployeeRecord> valid = new ArrayList<>();
        final List<String> mentioned = new ArrayList<>();

        @Override
        public void valid(EmployeeRecord employee) {
            valid.add(employee);
        }

        @Override
        public void mentioned(String emailKey) {
            mentioned.add(emailKey);
        }
    }

    @Test
    void readingPastTheLimitStopsWith413() {
        String csv = "email,name,region\n" + "someone@example.com,Someone,EMEA\n".repeat(10);
        Refusal refused = assertThrows(
                Refusal.class, () -> EmployeeCsv.read(new LimitedInputStream(utf8(csv), 100), new Collected()));
        assertEquals(Refusal.Kind.TOO_LARGE, refused.kind());
    }

    @Test
    void aFileWithoutATrailingNewlineKeepsItsLastRow() {
        Collected rows = new Collected();
        EmployeeSource.Summary summary = EmployeeCsv.read(utf8("email,name,region\r\na@example.com,A,EMEA"), rows);
        assertEquals(1, summary.valid());
        assertEquals("a@example.com", rows.valid.get(0).email());
    }

    @Test
    void headerNamesAreCaseAndSpaceInsensitive() {
        Collected rows = new Collected();
        EmployeeCsv.read(utf8(" Email , NAME,Region\na@example.com,A,EMEA\n"), rows);
        assertEquals("A", rows.valid.get(0).name());
    }

    @Test
    void rejectedRowsWithAGoodAddressAreStillMentioned() {
        Collected rows = new Collected();
        EmployeeSource.Summary summary = EmployeeCsv.read(
                utf8("email,name,region,country\nA@example.com,A,EMEA,XX\nnot-an-address,B,EMEA,DE\n"), rows);
        assertEquals(List.of("a@example.com"), rows.mentioned);
        assertEquals(2, summary.rejected().size());
        assertEquals(List.of(), rows.valid);
    }

    @Test
    void aStrayQuoteInsideAFieldIsMalformed() {
        Refusal refused = assertThrows(
                Refusal.class,
                () -> EmployeeCsv.read(utf8("email,name,region\na@example.com,\"A\"x,EMEA\n"), new Collected()));
        assertEquals(Refusal.Kind.INVALID, refused.kind());
        assertEquals(true, refused.getMessage().startsWith("Malformed CSV"), refused.getMessage());
    }
}
