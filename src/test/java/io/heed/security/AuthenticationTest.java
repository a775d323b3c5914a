package io.heed.security;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asAuditor;
import static io.heed.support.Api.withBasic;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.heed.platform.api.Problem;
import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    @Inject
    DataSource dataSource;

    @Test
    void missingCredentialsGet401WithAJsonReasonAndAChallenge() {
        given().get("/api/v1/employees")
                .then()
                .statusCode(401)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("WWW-Authenticate", startsWith("Basic realm=\"Heed\""))
                .body("status", equalTo(401))
                .body("reason", containsString("Authentication required"))
                .body(not(containsString("Exception")));
    }

    @Test
    void theApisProblemDetailsAnswerOnlyUnderApi() {
        // Outside /api (the mail catcher's page here, the console later) a refusal is that surface's own: no JSON.
        String type =
                given().get("/dev/mailbox").then().statusCode(401).extract().contentType();
        assertFalse(type != null && type.startsWith(Problem.MEDIA_TYPE), "no problem details outside /api: " + type);
        asAdmin().get("/api/v1/no-such-thing").then().statusCode(404).contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSame401() {
        withBasic(ADMIN_EMAIL, "not-the-password")
                .get("/api/v1/employees")
                .then()
                .statusCode(401)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("reason", containsString("Authentication required"));
        withBasic("nobody@heed.test", "whatever-password")
                .get("/api/v1/employees")
                .then()
                .statusCode(401)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void basicAuthWithTheFirstAdminWorks() {
        withBasic(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD)
                .get("/api/v1/regions")
                .then()
                .statusCode(200);
    }

    @Test
    void apiTokenIsShownOnceStoredHashedAndRevocable() {
        Map<String, Object> issued = withBasic(ADMIN_EMAIL, ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "GRC poller", "role", "AUDITOR"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .body("token", startsWith("heed_"))
                .extract()
                .as(Map.class);
        String token = (String) issued.get("token");
        int id = ((Number) issued.get("id")).intValue();

        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/regions")
                .then()
                .statusCode(200);
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from api_token where token_hash = encode(sha256('" + token
                                + "'::bytea), 'hex')"),
                "the token is stored as its SHA-256");
        assertEquals(
                0, Database.count(dataSource, "select count(*) from api_token where token_hash = '" + token + "'"));

        asAdmin()
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("$", everyItem(not(hasKey("token"))))
                .body("find { it.id == " + id + " }.prefix", equalTo(token.substring(0, 11)))
                .body("find { it.id == " + id + " }.lastUsedAt", notNullValue());

        asAdmin().delete("/api/v1/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/regions")
                .then()
                .statusCode(401)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void forgedTokensAreRefused() {
        given().header("Authorization", "Bearer heed_" + "A".repeat(43))
                .get("/api/v1/regions")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer not-even-heed")
                .get("/api/v1/regions")
                .then()
                .statusCode(401);
    }

    @Test
    void auditorsReadButCannotChangeAnything() {
        asAuditor().get("/api/v1/employees").then().statusCode(200);
        asAuditor()
                .contentType("text/csv")
                .body("email,name,region\na@example.com,A,EMEA\n")
                .post("/api/v1/employees/import")
                .then()
                .statusCode(403)
                .contentType(ContentType.JSON)
                .body("reason", equalTo("Your role does not allow this."));
        asAuditor()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "escalation", "role", "ADMIN"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(403);
    }

    @Test
    void tokenRequestsAreValidated() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "", "role", "ADMIN"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("reason", startsWith("name:"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "SUPERUSER"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("reason", allOf(containsString("role"), containsString("SUPERUSER")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "REGION_OFFICER"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("reason", startsWith("regions:"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body("{not json")
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("reason", equalTo("The request body is not valid JSON."));
    }

    @Test
    void accountsCanBeCreatedAndChangeTheirPassword() {
        String email = "officer-" + System.nanoTime() + "@heed.test";
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        email,
                        "name",
                        "Officer",
                        "role",
                        "REGION_OFFICER",
                        "regions",
                        new String[] {"EMEA"},
                        "password",
                        "officer-password-1"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .body("role", equalTo("REGION_OFFICER"))
                .body("$", not(hasKey("passwordHash")));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Again", "role", "AUDITOR", "password", "officer-password-1"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(409);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("email", "short@heed.test", "name", "Short", "role", "AUDITOR", "password", "short"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("reason", startsWith("password:"));

        withBasic(email, "officer-password-1").get("/api/v1/accounts").then().statusCode(403);
        withBasic(email, "officer-password-1")
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "officer-password-1", "newPassword", "officer-password-2"))
                .put("/api/v1/accounts/me/password")
                .then()
                .statusCode(204);
        withBasic(email, "officer-password-1").get("/api/v1/regions").then().statusCode(401);
        withBasic(email, "officer-password-2").get("/api/v1/regions").then().statusCode(200);
    }
}
