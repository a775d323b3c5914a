package io.heed.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticated requests for tests. The first admin (from the test profile) signs in with HTTP Basic once to
 * issue API tokens; tests then use tokens, so they do not pay bcrypt on every request, as automation would not.
 */
public final class Api {

    public static final String ADMIN_EMAIL = "admin@heed.test";
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {}

    public static RequestSpecification asAdmin() {
        return withToken("ADMIN", List.of());
    }

    public static RequestSpecification asAuditor() {
        return withToken("AUDITOR", List.of());
    }

    public static RequestSpecification asRegionOfficer(String... regions) {
        return withToken("REGION_OFFICER", List.of(regions));
    }

    /** Imports a directory CSV as an admin; {@code query} is e.g. {@code "?deactivateMissing=true"} or "". */
    public static ValidatableResponse importEmployees(String csv, String query) {
        return asAdmin()
                .contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/employees/import" + query)
                .then();
    }

    public static RequestSpecification withBasic(String email, String password) {
        return given().auth().preemptive().basic(email, password);
    }

    private static RequestSpecification withToken(String role, List<String> regions) {
        String token = TOKENS.computeIfAbsent(
                role + regions,
                key -> withBasic(ADMIN_EMAIL, ADMIN_PASSWORD)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "tests " + key, "role", role, "regions", regions))
                        .post("/api/v1/tokens")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("token"));
        return given().header("Authorization", "Bearer " + token);
    }
}
