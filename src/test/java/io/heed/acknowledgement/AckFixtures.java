package io.heed.acknowledgement;

import static io.restassured.RestAssured.given;

import io.heed.campaign.CampaignFixtures;
import io.heed.security.LinkTokens;
import io.heed.support.Database;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A launched campaign of the LinkedIn playbook and its recipients' personal links, for the acknowledgement tests. */
final class AckFixtures {

    static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)" + " Chrome/131.0 Safari/537.36";
    static final String SAFE_LINKS = "Mozilla/5.0 (compatible; Microsoft Office SafeLinks scanner)";
    static final List<String> STEPS =
            List.of("genai-toggle", "objection-form", "review-content", "ad-preferences", "mindful-posting");

    private final DataSource dataSource;
    private final LinkTokens linkTokens;

    AckFixtures(DataSource dataSource, LinkTokens linkTokens) {
        this.dataSource = dataSource;
        this.linkTokens = linkTokens;
    }

    static void reset(DataSource dataSource) {
        Database.truncate(
                dataSource,
                "page_visit",
                "step_answer_change",
                "step_answer",
                "campaign_test_send",
                "recipient",
                "campaign",
                "employee");
    }

    /**
     * Seeds the directory and launches a campaign to everyone active; returns its id. Its invitations are
     * planned for tomorrow, so the background dispatcher leaves them alone: what the tests see (the campaign
     * still SENDING, no delivery time that would make a visit look automated) does not depend on how fast mail
     * goes out.
     */
    static long launchCampaign(String name) {
        CampaignFixtures.seedDirectory();
        Map<String, Object> request = CampaignFixtures.request(name);
        request.put("sendAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        long id = CampaignFixtures.createDraft(request);
        CampaignFixtures.act(id, "launch").statusCode(200);
        return id;
    }

    long recipientId(long campaignId, String email) {
        return Database.count(
                dataSource,
                "select id from recipient where campaign_id = " + campaignId + " and email = '" + email + "'");
    }

    /** The token of the recipient's personal link, made the way the e-mail's link is made. */
    String token(long campaignId, String email) {
        long id = recipientId(campaignId, email);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select link_nonce from recipient where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return linkTokens.token(id, r.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the page as a person's browser would. */
    static Response browse(String token) {
        return given().header("User-Agent", BROWSER)
                .header("Accept-Language", "en-GB,en;q=0.9")
                .get("/ack/" + token);
    }

    static Document page(String token) {
        Response response = browse(token);
        response.then().statusCode(200);
        return Jsoup.parse(response.asString());
    }

    /** The CSRF token of the page's forms, as a browser would submit it. */
    static String csrf(String token) {
        return page(token).selectFirst("input[name=csrf]").val();
    }

    static Response answer(String token, String step, String status, String csrf) {
        var request = given().header("User-Agent", BROWSER).redirects().follow(false);
        if (status != null) {
            request = request.formParam("status", status);
        }
        if (csrf != null) {
            request = request.formParam("csrf", csrf);
        }
        return request.post("/ack/" + token + "/steps/" + step);
    }

    static Response notApplicable(String token, String csrf) {
        var request = given().header("User-Agent", BROWSER).redirects().follow(false);
        if (csrf != null) {
            request = request.formParam("csrf", csrf);
        }
        return request.post("/ack/" + token + "/not-applicable");
    }

    long count(String sql) {
        return Database.count(dataSource, sql);
    }
}
