package io.heed.directory;

import static io.heed.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ImportSizeLimitTest.SmallImports.class)
class ImportSizeLimitTest {

    public static class SmallImports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("heed.directory.import.max-size", "2K");
        }
    }

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyDirectory() {
        Database.reset(dataSource);
    }

    private static byte[] csvOfAbout(int bytes) {
        StringBuilder csv = new StringBuilder("email,name,region\n");
        for (int i = 0; csv.length() < bytes; i++) {
            csv.append("p").append(i).append("@example.com,Person ").append(i).append(",EMEA\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWith413() {
        asAdmin()
                .contentType("text/csv")
                .body(csvOfAbout(4096))
                .post("/api/v1/employees/import")
                .then()
                .statusCode(413)
                .body("status", equalTo(413))
                .body("reason", containsString("heed.directory.import.max-size"));
        assertEquals(0, Database.count(dataSource, "select count(*) from employee"));
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWith413AndWritesNothing() {
        asAdmin()
                .contentType("text/csv")
                .body(new ByteArrayInputStream(csvOfAbout(4096)))
                .post("/api/v1/employees/import")
                .then()
                .statusCode(413)
                .body("reason", containsString("larger than the import limit of 2048 bytes"));
        assertEquals(0, Database.count(dataSource, "select count(*) from employee"));
    }

    @Test
    void aFileWithinTheLimitImports() {
        asAdmin()
                .contentType("text/csv")
                .body(csvOfAbout(1500))
                .post("/api/v1/employees/import")
                .then()
                .statusCode(200);
    }
}
