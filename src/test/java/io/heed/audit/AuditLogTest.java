package io.heed.audit;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asAuditor;
import static io.heed.support.Api.asRegionOfficer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyLog() {
        Database.reset(dataSource);
    }

    private static void threeAdminActions() {
        for (String name : new String[] {"one", "two", "three"}) {
            asAdmin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "audit " + name, "role", "AUDITOR"))
                    .post("/api/v1/tokens")
                    .then()
                    .statusCode(201);
        }
    }

    @Test
    void eachEventChainsToThePreviousOneAndTheChainVerifies() {
        threeAdminActions();
        asAuditor()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items[2].prevHash", equalTo("0".repeat(64)))
                .body(
                        "items[1].prevHash",
                        equalTo(asAuditor().get("/api/v1/audit").path("items[2].hash")));
        asAuditor()
                .get("/api/v1/audit/verify")
                .then()
                .body("intact", equalTo(true))
                .body("events", equalTo(3));
    }

    @Test
    void theDatabaseRefusesEditsAndVerificationFindsTampering() {
        threeAdminActions();
        assertThrows(
                IllegalStateException.class,
                () -> Database.execute(
                        dataSource, "update audit_event set actor = 'someone else' where id = " + secondId()));

        // Someone with owner rights switches the guard off: the chain still tells.
        Database.execute(dataSource, "alter table audit_event disable trigger audit_event_append_only");
        try {
            Database.execute(dataSource, "update audit_event set actor = 'someone else' where id = " + secondId());
        } finally {
            Database.execute(dataSource, "alter table audit_event enable trigger audit_event_append_only");
        }
        asAuditor()
                .get("/api/v1/audit/verify")
                .then()
                .body("intact", equalTo(false))
                .body("firstBrokenEventId", equalTo((int) secondId()));
    }

    private long secondId() {
        return Database.count(dataSource, "select id from audit_event order by id offset 1 limit 1");
    }

    @Test
    void regionOfficersCannotReadTheAuditLog() {
        asRegionOfficer("EMEA").get("/api/v1/audit").then().statusCode(403);
    }
}
