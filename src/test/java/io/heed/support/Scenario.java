package io.heed.support;

import static io.heed.support.Api.asAdmin;
import static io.restassured.RestAssured.given;

import io.heed.security.LinkTokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The one scenario every feature's tests build on, through Heed's real paths (API, personal pages): a small
 * directory, campaigns of the shipped LinkedIn playbook, recipients' personal links, and employees answering in a
 * browser or a mail scanner opening their links. Use inside a {@code @QuarkusTest}.
 *
 * <p>The directory: six active employees in three regions, two departments, four countries and four time zones
 * (Mia manages Anna and Ben, Liam manages Noah), and one who left (gone@example.com, inactive):
 *
 * <pre>
 * anna  EMEA Engineering DE de     Europe/Berlin     manager mia
 * ben   EMEA Sales       GB en-GB  Europe/London     manager mia
 * mia   EMEA Engineering DE de-DE  Europe/Berlin
 * noah  AMER Engineering US en     America/New_York  manager liam
 * liam  AMER Sales       US en     America/New_York
 * yuki  APAC Engineering JP ja     Asia/Tokyo
 * </pre>
 */
public final class Scenario {

    public static final String PLAYBOOK = "linkedin-genai-optout";
    public static final List<String> STEPS =
            List.of("genai-toggle", "objection-form", "review-content", "ad-preferences", "mindful-posting");
    public static final List<String> ACTIVE = List.of(
            "anna@example.com",
            "ben@example.com",
            "mia@example.com",
            "noah@example.com",
            "liam@example.com",
            "yuki@example.com");

    public static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    public static final String SAFE_LINKS = "Mozilla/5.0 (compatible; Microsoft Office SafeLinks scanner)";

    private static final String HEADER = "email,name,region,department,country,manager_email,locale,timezone\n";
    private static final String ACTIVE_ROWS = ""
            + "anna@example.com,Anna Berg,EMEA,Engineering,DE,mia@example.com,de,Europe/Berlin\n"
            + "ben@example.com,Ben Carter,EMEA,Sales,GB,mia@example.com,en-GB,Europe/London\n"
            + "mia@example.com,Mia Schulz,EMEA,Engineering,DE,,de-DE,Europe/Berlin\n"
            + "noah@example.com,Noah Brown,AMER,Engineering,US,liam@example.com,en,America/New_York\n"
            + "liam@example.com,Liam Smith,AMER,Sales,US,,en,America/New_York\n"
            + "yuki@example.com,Yuki Tanaka,APAC,Engineering,JP,,ja,Asia/Tokyo\n";

    private Scenario() {}

    // --- directory and campaigns -------------------------------------------------------------------------------

    /** Imports the directory above (the leaver is imported, then deactivated by a second import). */
    public static void seedDirectory() {
        Api.importEmployees(HEADER + ACTIVE_ROWS + "gone@example.com,Gone Away,EMEA,Sales,DE,,en,UTC\n", "")
                .statusCode(200);
        Api.importEmployees(HEADER + ACTIVE_ROWS, "?deactivateMissing=true").statusCode(200);
    }

    /** A campaign request of the shipped playbook, to change before sending. */
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

    /** A state change ({@code launch}, {@code pause}, …) as an admin. */
    public static ValidatableResponse act(long id, String action) {
        return asAdmin()
                .contentType(ContentType.JSON)
                .post("/api/v1/campaigns/" + id + "/" + action)
                .then();
    }

    /**
     * Seeds the directory and launches {@code request} to everyone it asks, with the invitations planned for
     * tomorrow: the background dispatcher leaves them alone, so what a test sees (a campaign still SENDING, no
     * delivery time that makes a visit look automated) does not depend on how fast mail goes out. Returns the id.
     */
    public static long launchedTomorrow(Map<String, Object> request) {
        seedDirectory();
        request.put("sendAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        long id = createDraft(request);
        act(id, "launch").statusCode(200);
        return id;
    }

    // --- recipients and their links ----------------------------------------------------------------------------

    public static long recipientId(long campaignId, String email) {
        return Database.count(
                dataSource(),
                "select id from recipient where campaign_id = " + campaignId + " and email = '" + email + "'");
    }

    /** The token of the recipient's personal link, made the way the e-mail's link is made. */
    public static String token(long campaignId, String email) {
        long id = recipientId(campaignId, email);
        try (Connection c = dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select link_nonce from recipient where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Arc.container().instance(LinkTokens.class).get().token(id, r.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- employees on their pages ------------------------------------------------------------------------------

    /** Opens the page as a person's browser would. */
    public static Response browse(String token) {
        return given().header("User-Agent", BROWSER)
                .header("Accept-Language", "en-GB,en;q=0.9")
                .get("/ack/" + token);
    }

    public static Document page(String token) {
        Response response = browse(token);
        response.then().statusCode(200);
        return Jsoup.parse(response.asString());
    }

    /** The CSRF token of the page's forms, as a browser opening it gets it. */
    public static String csrf(String token) {
        return page(token).selectFirst("input[name=csrf]").val();
    }

    /** A mail gateway opening the link: a visit, possibly automated. */
    public static void scan(String token) {
        given().header("User-Agent", SAFE_LINKS).get("/ack/" + token).then().statusCode(200);
    }

    /** Posts one step's answer form; {@code status} or {@code csrf} null leaves the field out. */
    public static Response answer(String token, String step, String status, String csrf) {
        var request = given().header("User-Agent", BROWSER).redirects().follow(false);
        if (status != null) {
            request = request.formParam("status", status);
        }
        if (csrf != null) {
            request = request.formParam("csrf", csrf);
        }
        return request.post("/ack/" + token + "/steps/" + step);
    }

    /** Opens the page and answers one step, as the employee would. */
    public static void answered(String token, String step, String status) {
        answer(token, step, status, csrf(token)).then().statusCode(303);
    }

    /** Posts the whole-playbook "not applicable" form. */
    public static Response notApplicable(String token, String csrf) {
        var request = given().header("User-Agent", BROWSER).redirects().follow(false);
        if (csrf != null) {
            request = request.formParam("csrf", csrf);
        }
        return request.post("/ack/" + token + "/not-applicable");
    }

    private static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }
}
