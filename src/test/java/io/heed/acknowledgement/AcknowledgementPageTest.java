package io.heed.acknowledgement;

import static io.heed.support.Scenario.BROWSER;
import static io.heed.support.Scenario.SAFE_LINKS;
import static io.heed.support.Scenario.STEPS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.security.LinkTokens;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.heed.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personal page: what it shows, in which language, with which headers, and that looking changes no answer. */
@QuarkusTest
class AcknowledgementPageTest {

    @Inject
    DataSource dataSource;

    @Inject
    LinkTokens linkTokens;

    @Inject
    VisitLog visitLog;

    @Inject
    FailureLimiter limiter;

    long campaign;

    @BeforeEach
    void launch() {
        limiter.reset();
        Database.reset(dataSource);
        campaign = Scenario.launchedTomorrow(Scenario.request("LinkedIn opt-out"));
    }

    @AfterEach
    void flushVisits() {
        visitLog.flush();
        limiter.reset();
    }

    @Test
    void scannerVisitsRecordNoAcknowledgementOnlyPossiblyAutomatedVisits() {
        String token = Scenario.token(campaign, "ben@example.com");
        for (int i = 0; i < 2; i++) {
            given().header("User-Agent", SAFE_LINKS)
                    .get("/ack/" + token)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"));
        }
        given().header("User-Agent", SAFE_LINKS).head("/ack/" + token).then().statusCode(200);
        visitLog.flush();

        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer_change"));
        assertEquals(0, Database.count(dataSource, "select count(*) from recipient where completed_at is not null"));
        assertEquals(3, Database.count(dataSource, "select count(*) from page_visit where possibly_automated"));
        assertEquals(1, Database.count(dataSource, "select count(*) from page_visit where method = 'HEAD'"));
        assertEquals(
                2,
                Database.count(
                        dataSource,
                        "select count(*) from page_visit where automation_signals like "
                                + "'%scanner-user-agent,no-accept-language%' and method = 'GET'"));
        long id = Scenario.recipientId(campaign, "ben@example.com");
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from recipient where id = " + id
                                + " and first_visit_at is not null and first_human_visit_at is null"));
        assertEquals(
                0,
                Database.count(
                        dataSource, "select count(*) from page_visit where client_address_hash like '%127.0.0.1%'"));
    }

    @Test
    void aBrowserVisitIsTheFirstHumanVisitAndKeepsItsTime() {
        String token = Scenario.token(campaign, "ben@example.com");
        long id = Scenario.recipientId(campaign, "ben@example.com");
        given().header("User-Agent", SAFE_LINKS).get("/ack/" + token).then().statusCode(200);
        Scenario.browse(token).then().statusCode(200);
        visitLog.flush();
        long firstHuman = Database.count(
                dataSource,
                "select (extract(epoch from first_human_visit_at) * 1000000)::bigint from recipient where id = " + id);
        Scenario.browse(token).then().statusCode(200);
        visitLog.flush();
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from recipient where id = " + id
                                + " and first_visit_at < first_human_visit_at"));
        assertEquals(
                firstHuman,
                Database.count(
                        dataSource,
                        "select (extract(epoch from first_human_visit_at) * 1000000)::bigint"
                                + " from recipient where id = " + id));
        assertEquals(2, Database.count(dataSource, "select count(*) from page_visit where not possibly_automated"));
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
    }

    @Test
    void aVisitSecondsAfterDeliveryLooksAutomatedEvenFromABrowser() {
        String token = Scenario.token(campaign, "ben@example.com");
        long id = Scenario.recipientId(campaign, "ben@example.com");
        // Delivered now (the campaign's invitations are planned for tomorrow), opened five seconds later.
        Database.execute(
                dataSource,
                "update recipient set sent_at = '" + TestClock.now() + "', delivery_status = 'SENT' where id = " + id);
        TestClock.advance(Duration.ofSeconds(5));
        Scenario.browse(token).then().statusCode(200);
        visitLog.flush();
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from page_visit where automation_signals = 'soon-after-delivery'"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from recipient where id = " + id + " and first_human_visit_at is null"));
        // Once the window has passed, the same browser is the employee.
        TestClock.advance(Duration.ofMinutes(1));
        Scenario.browse(token).then().statusCode(200);
        visitLog.flush();
        assertEquals(1, Database.count(dataSource, "select count(*) from page_visit where not possibly_automated"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from recipient where id = " + id
                                + " and first_human_visit_at > first_visit_at"));
    }

    @Test
    void thePageShowsTheAdvisoryAndEveryStepWithItsFormInEnglish() {
        String token = Scenario.token(campaign, "ben@example.com");
        Document page = Scenario.page(token);
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals(
                "Stop LinkedIn from training AI on your data",
                page.selectFirst("h1").text());
        assertTrue(page.text().contains("Why it matters"));
        assertTrue(page.text().contains("This applies to you if you have a LinkedIn account."));
        List<Element> steps = page.select("ol.steps > li");
        assertEquals(
                STEPS,
                steps.stream().map(e -> e.id().substring("step-".length())).toList());
        for (Element step : steps) {
            Element form = step.selectFirst("form");
            assertNotNull(form, step.id());
            assertEquals("post", form.attr("method"));
            assertEquals(
                    "http://localhost:8080/ack/" + token + "/steps/" + step.id().substring(5), form.attr("action"));
            assertFalse(form.selectFirst("input[name=csrf]").val().isBlank());
            assertEquals("Open", step.selectFirst(".state").text());
            assertNotNull(step.selectFirst("legend"), "each form is labelled by its legend");
        }
        // "Not applicable" only where the playbook allows it: the objection form.
        assertEquals(1, page.select("button[value=not_applicable]").size());
        assertNotNull(page.selectFirst("#step-objection-form button[value=not_applicable]"));
        assertEquals(5, page.select("button[value=done]").size());
        Element whole = page.selectFirst("form[action$=/not-applicable] button");
        assertEquals("I have no LinkedIn account", whole.text());
        Element link = page.selectFirst("#step-genai-toggle a[href]");
        assertEquals("https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement", link.attr("href"));
        assertEquals("_blank", link.attr("target"));
        assertEquals("noopener noreferrer", link.attr("rel"));
        assertTrue(page.text().contains("0 of 5 steps answered"));
    }

    @Test
    void aGermanEmployeeReadsTheirPageInGerman() {
        Document page = Scenario.page(Scenario.token(campaign, "anna@example.com"));
        assertEquals("de", page.selectFirst("html").attr("lang"));
        assertEquals(
                "Verhindern Sie, dass LinkedIn KI mit Ihren Daten trainiert",
                page.selectFirst("h1").text());
        assertTrue(page.text().contains("Warum es wichtig ist"));
        assertTrue(page.text().contains("0 von 5 Schritten beantwortet"));
        assertEquals(
                "Als erledigt markieren", page.selectFirst("button[value=done]").text());
        assertEquals(
                "Ich habe kein LinkedIn-Konto",
                page.selectFirst("form[action$=/not-applicable] button").text());
        // de-DE falls back to German too; Japanese (no translation) to English.
        assertEquals(
                "de",
                Scenario.page(Scenario.token(campaign, "mia@example.com"))
                        .selectFirst("html")
                        .attr("lang"));
        assertEquals(
                "en",
                Scenario.page(Scenario.token(campaign, "yuki@example.com"))
                        .selectFirst("html")
                        .attr("lang"));
    }

    @Test
    void thePageIsValidHtmlWithNoExternalAssetAndNoScript() {
        String token = Scenario.token(campaign, "anna@example.com");
        String html = Scenario.browse(token).asString();
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document page = Jsoup.parse(html, "", parser);
        assertEquals(
                List.of(), parser.getErrors().stream().map(Object::toString).toList());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(page.select("script").isEmpty(), "no script at all");
        assertTrue(
                page.select("link[rel=stylesheet], img, iframe, object, embed").isEmpty());
        assertTrue(
                page.select("[style]").isEmpty(), "no inline style attribute (the CSP allows only the hashed <style>)");
        assertEquals(1, page.select("style").size());
        assertTrue(page.select("[onclick], [onload], [onsubmit]").isEmpty());
        Set<String> stepHosts = Set.of("www.linkedin.com");
        for (Element e : page.select("[src], [href], [action]")) {
            for (String attribute : List.of("src", "href", "action")) {
                String value = e.attr(attribute);
                if (value.isEmpty()) {
                    continue;
                }
                if (value.startsWith("http://localhost:8080/ack/" + token)) {
                    continue; // Heed's own page (from heed.links.base-url)
                }
                assertTrue(
                        e.is("ol.steps a")
                                && stepHosts.contains(URI.create(value).getHost()),
                        "only the steps' own links leave Heed: " + value);
            }
        }
        assertFalse(html.contains("//fonts."), "no web fonts");
    }

    @Test
    void everyAckResponseCarriesTheSecurityHeaders() {
        String token = Scenario.token(campaign, "ben@example.com");
        List<Response> responses = List.of(
                Scenario.browse(token),
                given().head("/ack/" + token),
                Scenario.browse("nope"),
                Scenario.answer(token, "genai-toggle", "done", Scenario.csrf(token)),
                Scenario.answer(token, "genai-toggle", "done", null),
                given().get("/ack/" + token + "/no/such/path"));
        for (Response response : responses) {
            response.then()
                    .header("Content-Security-Policy", startsWith("default-src 'none'; style-src 'sha256-"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Cache-Control", equalTo("no-store"));
        }
    }

    @Test
    void theStyleSheetMatchesTheHashThePolicyAllows() throws Exception {
        Response response = Scenario.browse(Scenario.token(campaign, "ben@example.com"));
        String css = Jsoup.parse(response.asString()).selectFirst("style").data();
        String hash = java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(response.header("Content-Security-Policy").contains("'sha256-" + hash + "'"));
    }

    @Test
    void errorsUnderAckAreHtmlPagesWithoutDetail() {
        String token = Scenario.token(campaign, "ben@example.com");
        for (Response response : List.of(
                given().get("/ack/" + token + "/no/such/path"),
                given().get("/ack/"),
                given().put("/ack/" + token),
                given().header("Accept", "application/json").get("/ack/not-a-token"))) {
            response.then().contentType(containsString("text/html")).body(not(containsString("\"status\"")));
            assertTrue(response.statusCode() >= 400, response.asString());
            assertFalse(response.asString().contains("Exception"));
        }
        given().header("Accept-Language", "de-CH, de;q=0.9")
                .get("/ack/not-a-token")
                .then()
                .statusCode(404)
                .body(containsString("Dieser Link ist nicht gültig"));
        given().head("/ack/not-a-token").then().statusCode(404).body(emptyString());
    }

    @Test
    void aFormAddressOpenedWithGetLeadsToThePageAndRecordsNothing() {
        String token = Scenario.token(campaign, "ben@example.com");
        for (String path : List.of("/steps/genai-toggle", "/not-applicable")) {
            given().redirects()
                    .follow(false)
                    .get("/ack/" + token + path)
                    .then()
                    .statusCode(303)
                    .header("Location", equalTo("http://localhost:8080/ack/" + token));
        }
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
    }

    @Test
    void headIsAnsweredLikeGetWithoutBody() {
        String token = Scenario.token(campaign, "ben@example.com");
        given().header("User-Agent", BROWSER)
                .head("/ack/" + token)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(emptyString());
    }
}
