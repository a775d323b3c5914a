package io.heed.console;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static io.heed.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.platform.api.Problem;
import io.heed.support.Browser;
import io.heed.support.Database;
import io.heed.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in to the console, in a real browser and over plain HTTP: sessions, lock-out, CSRF, where each surface ends. */
@QuarkusTest
class ConsoleSignInTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    static Browser browser;

    @BeforeAll
    static void openBrowser() {
        // The application's port is known once Quarkus runs; the browser is opened lazily by each test.
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void reset() {
        Database.reset(dataSource);
        Database.execute(dataSource, "delete from sign_in_throttle");
        Database.execute(dataSource, "delete from console_session");
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
    }

    private String origin() {
        return base.toString().replaceAll("/+$", "");
    }

    private Response postLogin(String email, String password) {
        return given().redirects()
                .follow(false)
                .header("Origin", origin())
                .formParam("email", email)
                .formParam("password", password)
                .formParam("next", "/console")
                .post("/console/login");
    }

    @Test
    void aPersonSignsInLandsOnHomeAndEveryPageOfTheWayLooksRight() {
        browser.visit("/console/login");
        browser.look("sign-in");
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertEquals("/console", browser.path());
        assertTrue(browser.text("h1").startsWith("Good to see you"), browser.text("h1"));
        browser.look("home");
        browser.visit("/console/account/password");
        browser.look("change-password");
        browser.visit("/console/no-such-page");
        assertEquals("Not found", browser.text("h1"));
        browser.look("not-found");
        assertTrue(
                Database.count(dataSource, "select count(*) from audit_event where action = 'sign-in'") >= 1,
                "the sign-in is audited");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists() {
        browser.signIn(ADMIN_EMAIL, "not-the-password");
        assertEquals("/console/login", browser.path());
        String wrongPassword = browser.text(".notice-error");
        browser.signIn("nobody@heed.test", "whatever-password");
        assertEquals(wrongPassword, browser.text(".notice-error"));
        assertTrue(wrongPassword.contains("wrong"), wrongPassword);
        browser.look("sign-in-refused");
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheAccountAndEveryStepIsAudited() {
        String email = "locked.out@heed.test";
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Lou Locked", "role", "AUDITOR", "password", "the-right-password"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201);
        for (int i = 1; i <= 3; i++) {
            postLogin(email, "wrong-" + i).then().statusCode(401);
        }
        // Slowed down: an attempt before the wait is over is not even checked, right password or not.
        postLogin(email, "the-right-password")
                .then()
                .statusCode(429)
                .header("Retry-After", "2")
                .body(containsString("Too many failed sign-ins"));
        for (int i = 4; i <= 10; i++) {
            TestClock.advance(Duration.ofMinutes(2));
            postLogin(email, "wrong-" + i).then().statusCode(401);
        }
        // Locked for 15 minutes after the tenth failure.
        TestClock.advance(Duration.ofMinutes(14));
        postLogin(email, "the-right-password").then().statusCode(429);
        TestClock.advance(Duration.ofMinutes(2));
        postLogin(email, "the-right-password")
                .then()
                .statusCode(303)
                .header("Location", startsWith(origin() + "/console"));
        assertEquals(
                10,
                Database.count(
                        dataSource,
                        "select count(*) from audit_event where action = 'sign-in.failed' and actor = '" + email
                                + "'"));
        assertEquals(1, Database.count(dataSource, "select count(*) from audit_event where action = 'sign-in.locked'"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from audit_event where action = 'sign-in' and actor = '" + email + "'"));
    }

    @Test
    void aSignInFormPostedFromAnotherSiteIsRefused() {
        given().redirects()
                .follow(false)
                .header("Origin", "https://attacker.example")
                .formParam("email", ADMIN_EMAIL)
                .formParam("password", ADMIN_PASSWORD)
                .post("/console/login")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .formParam("email", ADMIN_EMAIL)
                .formParam("password", ADMIN_PASSWORD)
                .post("/console/login")
                .then()
                .statusCode(403);
    }

    @Test
    void aConsolePostWithoutTheSessionsCsrfTokenIs403AndChangesNothing() {
        Response signedIn = postLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
        signedIn.then().statusCode(303);
        String session = signedIn.getCookie("heed_session");
        String setCookie = signedIn.getHeader("Set-Cookie");
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        given().cookie("heed_session", session)
                .redirects()
                .follow(false)
                .post("/console/logout")
                .then()
                .statusCode(403)
                .body(containsString("This form has expired"));
        given().cookie("heed_session", session)
                .redirects()
                .follow(false)
                .formParam("_csrf", "forged")
                .post("/console/logout")
                .then()
                .statusCode(403);
        // Still signed in: the refused posts did nothing.
        String page = given().cookie("heed_session", session)
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String token = page.replaceAll("(?s).*<meta name=\"csrf-token\" content=\"([^\"]+)\".*", "$1");
        given().cookie("heed_session", session)
                .redirects()
                .follow(false)
                .formParam("_csrf", token)
                .post("/console/logout")
                .then()
                .statusCode(303);
        given().cookie("heed_session", session)
                .redirects()
                .follow(false)
                .get("/console")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login"));
    }

    @Test
    void anExpiredSessionGoesToTheSignInPageAndBackToWhereItWas() {
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertEquals("/console", browser.path());
        TestClock.advance(Duration.ofMinutes(31));
        browser.visit("/console/account/password");
        assertTrue(browser.path().startsWith("/console/login?next="), browser.path());
        browser.type("#email", ADMIN_EMAIL).type("#password", ADMIN_PASSWORD);
        browser.submit("form[action='/console/login'] button[type=submit]");
        assertEquals(
                "/console/account/password",
                browser.path(),
                () -> browser.driver().getPageSource());
    }

    @Test
    void theConsoleNeverTakesBasicAndTheApiNeverGetsASignInPage() {
        given().auth()
                .preemptive()
                .basic(ADMIN_EMAIL, ADMIN_PASSWORD)
                .redirects()
                .follow(false)
                .get("/console")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login"));
        given().get("/api/v1/employees").then().statusCode(401).contentType(startsWith(Problem.MEDIA_TYPE));
        given().redirects().follow(false).get("/console").then().statusCode(303);
    }

    @Test
    void withoutJavaScriptSigningInAndOutStillWorks() {
        try (Browser plain = Browser.withoutJavaScript(base.toString())) {
            plain.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            assertEquals("/console", plain.path());
            plain.find("details.me summary").click();
            plain.submit("form[action='/console/logout'] button");
            assertEquals("/console/login", plain.path());
            assertTrue(plain.text(".flash").contains("signed out"), plain.text(".flash"));
        }
    }
}
