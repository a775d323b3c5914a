package io.heed.security;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static io.heed.support.Api.withBasic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FirstAdminTest {

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restoreTheTestAdmin() {
        Database.truncate(dataSource, "admin_account");
        firstAdmin.ensure(ADMIN_EMAIL, Optional.of(ADMIN_PASSWORD)).orElseThrow();
    }

    @Test
    void withoutAPasswordOneIsGeneratedOnceAndWorks() {
        Database.truncate(dataSource, "admin_account");

        FirstAdmin.Created created =
                firstAdmin.ensure("first@heed.test", Optional.empty()).orElseThrow();
        assertTrue(created.generated());
        assertTrue(created.password().length() >= 24, "at least 18 random bytes");
        withBasic("first@heed.test", created.password())
                .get("/api/v1/accounts")
                .then()
                .statusCode(200);

        assertEquals(
                Optional.empty(),
                firstAdmin.ensure("second@heed.test", Optional.empty()),
                "only when there is no account");
        assertEquals(1, Database.count(dataSource, "select count(*) from admin_account"));
        assertEquals(
                0,
                Database.count(
                        dataSource,
                        "select count(*) from admin_account where password_hash like '%" + created.password() + "%'"));
    }
}
