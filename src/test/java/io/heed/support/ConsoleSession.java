package io.heed.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.net.URL;

/**
 * A signed-in console session over plain HTTP (RestAssured), for tests of pages and actions that need no browser:
 * {@link #get()} sends the session cookie, {@link #post()} also the CSRF token, as the console's forms do.
 */
public final class ConsoleSession {

    private final String cookie;
    private final String csrf;

    private ConsoleSession(String cookie, String csrf) {
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Signs in through the sign-in form as {@code email}. */
    public static ConsoleSession signIn(URL base, String email, String password) {
        String origin = base.toString().replaceAll("/+$", "");
        String cookie = given().redirects()
                .follow(false)
                .header("Origin", origin)
                .formParam("email", email)
                .formParam("password", password)
                .post("/console/login")
                .then()
                .statusCode(303)
                .extract()
                .cookie("heed_session");
        String page = given().cookie("heed_session", cookie)
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String csrf = page.replaceAll("(?s).*<meta name=\"csrf-token\" content=\"([^\"]+)\".*", "$1");
        return new ConsoleSession(cookie, csrf);
    }

    public static ConsoleSession asAdmin(URL base) {
        return signIn(base, Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    /** A request with the session cookie; redirects are not followed (a 303 is asserted as such). */
    public RequestSpecification get() {
        return given().cookie("heed_session", cookie).redirects().follow(false);
    }

    /** A form request with the session cookie and its CSRF token. */
    public RequestSpecification post() {
        return get().formParam("_csrf", csrf);
    }

    public String csrf() {
        return csrf;
    }

    public String cookie() {
        return cookie;
    }
}
