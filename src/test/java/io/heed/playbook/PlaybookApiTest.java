package io.heed.playbook;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asAuditor;
import static io.heed.support.Api.asRegionOfficer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.heed.support.TestPlaybooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlaybookApiTest {

    static Map<String, Object> playbook(String key, String title) {
        return TestPlaybooks.minimal(key, title);
    }

    @Test
    void anAdminCreatesAPlaybookAndThenNewVersionsOfIt() {
        String key = "rotate-" + System.nanoTime();
        asAdmin()
                .contentType(ContentType.JSON)
                .body(playbook(key, "Rotate v1"))
                .post("/api/v1/playbooks")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/playbooks/" + key + "?version=1"))
                .body("version", equalTo(1))
                .body("origin", equalTo("API"))
                .body("definition.steps.key", contains("rotate", "mfa"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(playbook(key, "Rotate v2"))
                .post("/api/v1/playbooks")
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .body("versions", contains(2, 1));

        asAuditor().get("/api/v1/playbooks/" + key).then().body("definition.title", equalTo("Rotate v2"));
        asAuditor()
                .queryParam("version", 1)
                .get("/api/v1/playbooks/" + key)
                .then()
                .body("definition.title", equalTo("Rotate v1"))
                .body("templates.'invitation.txt'", equalTo("Hi {recipient.name} {link}"));
        asRegionOfficer("EMEA").get("/api/v1/playbooks").then().statusCode(200).body("key", hasItem(key));
        asAdmin().get("/api/v1/audit").then().body("items.action", hasItem("playbook.create-version"));
    }

    @Test
    void invalidPlaybooksAreRefusedWithEveryProblem() {
        Map<String, Object> body = playbook("bad-" + System.nanoTime(), "");
        body.put("templates", Map.of("invitation.html", "{recipient.nmae}", "invitation.txt", "ok"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/playbooks")
                .then()
                .statusCode(400)
                .body("reason", equalTo("The playbook has problems."))
                .body("problems.reason", hasItem("title: required"));
        body.put("title", "Fine now");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/playbooks")
                .then()
                .statusCode(400)
                .body("problems.field", hasItem("templates.reminder.html"))
                .body("problems.field", hasItem("templates.invitation.html"));
        body.put("templates", "not an object");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/playbooks")
                .then()
                .statusCode(400)
                .body("reason", containsString("templates"));
        Map<String, Object> typo = playbook("typo-" + System.nanoTime(), "T");
        typo.put("stpes", List.of());
        asAdmin()
                .contentType(ContentType.JSON)
                .body(typo)
                .post("/api/v1/playbooks")
                .then()
                .statusCode(400)
                .body("reason", equalTo("Unknown field 'stpes'."));
    }

    @Test
    void onlyAdminsCreatePlaybooks() {
        asAuditor()
                .contentType(ContentType.JSON)
                .body(playbook("nope", "No"))
                .post("/api/v1/playbooks")
                .then()
                .statusCode(403);
        asAdmin().get("/api/v1/playbooks/does-not-exist").then().statusCode(404);
    }
}
