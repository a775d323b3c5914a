package io.heed.campaign;

import static io.heed.support.Api.asAdmin;

import io.heed.support.Api;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small directory and campaign requests, shared by the campaign tests (and the acknowledgement tests). */
public final class CampaignFixtures {

    public static final String PLAYBOOK = "linkedin-genai-optout";

    /** Seven employees: three regions, two departments, three countries, three time zones, one inactive. */
    public static void seedDirectory() {
        Api.importEmployees(
                        "email,name,region,department,country,manager_email,locale,timezone\n"
                                + "anna@example.com,Anna Berg,EMEA,Engineering,DE,mia@example.com,de,Europe/Berlin\n"
                                + "ben@example.com,Ben Carter,EMEA,Sales,GB,mia@example.com,en-GB,Europe/London\n"
                                + "mia@example.com,Mia Schulz,EMEA,Engineering,DE,,de-DE,Europe/Berlin\n"
                                + "noah@example.com,Noah Brown,AMER,Engineering,US,liam@example.com,en,America/New_York\n"
                                + "liam@example.com,Liam Smith,AMER,Sales,US,,en,America/New_York\n"
                                + "yuki@example.com,Yuki Tanaka,APAC,Engineering,JP,,ja,Asia/Tokyo\n"
                                + "gone@example.com,Gone Away,EMEA,Sales,DE,,en,UTC\n",
                        "")
                .statusCode(200);
        Api.importEmployees(
                        "email,name,region,department,country,manager_email,locale,timezone\n"
                                + "anna@example.com,Anna Berg,EMEA,Engineering,DE,mia@example.com,de,Europe/Berlin\n"
                                + "ben@example.com,Ben Carter,EMEA,Sales,GB,mia@example.com,en-GB,Europe/London\n"
                                + "mia@example.com,Mia Schulz,EMEA,Engineering,DE,,de-DE,Europe/Berlin\n"
                                + "noah@example.com,Noah Brown,AMER,Engineering,US,liam@example.com,en,America/New_York\n"
                                + "liam@example.com,Liam Smith,AMER,Sales,US,,en,America/New_York\n"
                                + "yuki@example.com,Yuki Tanaka,APAC,Engineering,JP,,ja,Asia/Tokyo\n",
                        "?deactivateMissing=true")
                .statusCode(200);
    }

    public static Map<String, Object> request(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("playbook", PLAYBOOK);
        return body;
    }

    public static Map<String, Object> audience(
            List<String> regions,
            List<String> departments,
            List<String> countries,
            List<String> include,
            List<String> exclude) {
        return Map.of(
                "regions",
                regions,
                "departments",
                departments,
                "countries",
                countries,
                "includeEmails",
                include,
                "excludeEmails",
                exclude);
    }

    public static ValidatableResponse create(Map<String, Object> body) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/campaigns")
                .then();
    }

    public static long createDraft(Map<String, Object> body) {
        return ((Number) create(body).statusCode(201).extract().path("id")).longValue();
    }

    public static ValidatableResponse act(long id, String action) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .post("/api/v1/campaigns/" + id + "/" + action)
                .then();
    }

    private CampaignFixtures() {}
}
