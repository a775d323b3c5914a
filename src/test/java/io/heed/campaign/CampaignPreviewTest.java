package io.heed.campaign;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Scenario.createDraft;
import static io.heed.support.Scenario.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.heed.support.Api;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a CISO checks before launching: the message each employee will get, in their language. */
@QuarkusTest
class CampaignPreviewTest {

    @Inject
    DataSource dataSource;

    long campaign;

    @BeforeEach
    void seed() {
        Database.reset(dataSource);
        Scenario.seedDirectory();
        Api.importEmployees(
                        "email,name,region\nmallory@example.com,\"<img src=x onerror=alert(1)> Mallory & Co\",EMEA\n",
                        "")
                .statusCode(200);
        Map<String, Object> body = request("Preview campaign");
        body.put("deadlines", Map.of("EMEA", "2027-01-31", "*", "2027-02-15"));
        campaign = createDraft(body);
    }

    @Test
    void aGermanEmployeeSeesGermanWithTheirDeadlineInGerman() {
        asAdmin()
                .queryParam("email", "anna@example.com")
                .get("/api/v1/campaigns/" + campaign + "/preview")
                .then()
                .statusCode(200)
                .body("locale", equalTo("de"))
                .body("subject", startsWith("Bitte handeln"))
                .body("html", containsString("Hallo Anna Berg"))
                .body("text", containsString("bis zum 31. Januar 2027"))
                .body("linkIsPlaceholder", equalTo(true))
                .body("link", equalTo("http://localhost:8080/ack/PREVIEW"))
                .body("text", containsString("http://localhost:8080/ack/PREVIEW"));
    }

    @Test
    void othersSeeEnglishWithTheirRegionsDeadline() {
        asAdmin()
                .queryParam("email", "noah@example.com")
                .get("/api/v1/campaigns/" + campaign + "/preview")
                .then()
                .statusCode(200)
                .body("subject", startsWith("Action needed"))
                .body("text", containsString("Hello Noah Brown"))
                .body("text", containsString("by February 15, 2027"));
        asAdmin()
                .queryParam("email", "ben@example.com")
                .get("/api/v1/campaigns/" + campaign + "/preview")
                .then()
                .body("text", containsString("by 31 January 2027"));
        asAdmin()
                .queryParam("email", "yuki@example.com")
                .get("/api/v1/campaigns/" + campaign + "/preview")
                .then()
                .body("subject", startsWith("Action needed"));
    }

    @Test
    void hostileNamesCannotInjectHtml() {
        asAdmin()
                .queryParam("email", "mallory@example.com")
                .get("/api/v1/campaigns/" + campaign + "/preview")
                .then()
                .statusCode(200)
                .body("html", not(containsString("<img src=x")))
                .body("html", containsString("&lt;img src=x onerror=alert(1)&gt; Mallory &amp; Co"))
                .body("text", containsString("<img src=x onerror=alert(1)> Mallory & Co"));
    }

    @Test
    void unknownReadersAre404() {
        asAdmin()
                .queryParam("email", "stranger@example.com")
                .get("/api/v1/campaigns/" + campaign + "/preview")
                .then()
                .statusCode(404);
        asAdmin().get("/api/v1/campaigns/" + campaign + "/preview").then().statusCode(400);
    }
}
