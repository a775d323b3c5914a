package io.heed.console;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Api;
import io.heed.support.Browser;
import io.heed.support.ConsoleSession;
import io.heed.support.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A playbook version as files: downloaded as a ZIP of its folder, edited, uploaded again (as the ZIP or as the files
 * themselves); a refused upload names every problem's file and line and stores nothing.
 */
@QuarkusTest
class PlaybookUploadTest {

    private static final String SHIPPED = "linkedin-genai-optout";

    private static final String YAML = """
            key: vpn-update
            title: Update the VPN client
            summary: A flaw in the VPN client lets attackers in.
            subjects:
              invitation: "Action needed: update the VPN client"
              reminder: "Reminder: update the VPN client"
            steps:
              - key: update
                title: Update the VPN client
                instructions: Choose **Check for updates**.
                url: https://vpn.example/update
              - key: restart
                title: Restart
                instructions: Restart your laptop.
            """;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    static Browser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Before and after: the shipped playbook's uploaded versions must not leak into other test classes. */
    @BeforeEach
    @AfterEach
    void reset() {
        Database.reset(dataSource);
        Database.execute(
                dataSource, "delete from playbook_version where playbook_key <> '" + SHIPPED + "' or origin <> 'FILE'");
        Database.execute(dataSource, "delete from console_session");
        Database.execute(dataSource, "delete from sign_in_throttle");
    }

    @Test
    void aDownloadedVersionEditedAndUploadedBecomesTheNextVersion() throws IOException {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        Response download = session.get().get("/console/playbooks/" + SHIPPED + "/download?version=1");
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.contentType());
        assertEquals("attachment; filename=\"" + SHIPPED + "-v1.zip\"", download.header("Content-Disposition"));
        Map<String, String> files = unzip(download.asByteArray());
        assertTrue(files.containsKey(SHIPPED + "/playbook.yaml"), files.keySet().toString());
        assertTrue(
                files.containsKey(SHIPPED + "/invitation.de.html"),
                files.keySet().toString());

        // Unchanged, the files read back to exactly the stored version: nothing is lost on the way.
        upload(session, null, zip(files)).then().statusCode(303);
        assertEquals(hash(1), hash(2), "the same definition and templates as version 1");

        files.computeIfPresent(
                SHIPPED + "/playbook.yaml",
                (name, yaml) -> yaml.replace(
                        "title: Stop LinkedIn from training AI on your data",
                        "title: Stop LinkedIn from training AI on your data (edited)"));
        assertTrue(files.get(SHIPPED + "/playbook.yaml").contains("(edited)"), files.get(SHIPPED + "/playbook.yaml"));
        upload(session, SHIPPED, zip(files))
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/playbooks/" + SHIPPED + "?version=3"));
        session.get()
                .get("/console/playbooks/" + SHIPPED + "?version=3")
                .then()
                .statusCode(200)
                .body(containsString("Stop LinkedIn from training AI on your data (edited)"));
        Api.asAdmin()
                .get("/api/v1/playbooks/" + SHIPPED + "?version=3")
                .then()
                .body("definition.jurisdictionDeadlines.date", hasItem("2025-11-03"))
                .body("templates.size()", org.hamcrest.Matchers.equalTo(files.size() - 1));
        assertNotEquals(hash(1), hash(3));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from audit_event where action = 'playbook.create-version'"
                                + " and details::jsonb->>'via' = 'upload' and details::jsonb->>'version' = '3'"));
    }

    @Test
    void theFilesThemselvesMayBeUploadedInsteadOfAZip() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        var request = session.post().multiPart("files", "playbook.yaml", YAML.getBytes(StandardCharsets.UTF_8));
        for (var template : templates().entrySet()) {
            request = request.multiPart(
                    "files", template.getKey(), template.getValue().getBytes(StandardCharsets.UTF_8));
        }
        request.post("/console/playbooks/upload")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/playbooks/vpn-update?version=1"));
    }

    @Test
    void aYamlErrorIsShownWithItsFileAndLineAndNothingIsStored() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        String page = refused(
                session,
                null,
                folder(
                        "vpn-update",
                        YAML.replace("  - key: restart", "  - key: restart\n   title: [unclosed"),
                        templates()),
                422);
        assertTrue(page.contains("<td><code>vpn-update/playbook.yaml</code></td><td class=\"num\">13</td>"), page);
        assertTrue(page.contains("invalid YAML"), page);

        page = refused(
                session,
                null,
                folder(
                        "vpn-update",
                        YAML.replace("url: https://vpn.example/update", "url: javascript:alert(1)"),
                        templates()),
                422);
        assertTrue(
                page.contains(
                        "<td class=\"num\">11</td><td>steps[0].url: &#39;javascript:alert(1)&#39; is not an absolute"),
                page);
        assertEquals(0, versions("vpn-update"));
    }

    @Test
    void aTemplateSyntaxErrorIsShownWithItsFileAndLine() {
        Map<String, String> templates = templates();
        templates.put("invitation.html", "<p>Hello</p>\n<p>{#if link}unclosed</p>\n");
        String page = refused(ConsoleSession.asAdmin(base), null, folder("vpn-update", YAML, templates), 422);
        assertTrue(page.contains("<td><code>vpn-update/invitation.html</code></td><td class=\"num\">2</td>"), page);
        assertTrue(
                page.contains("<td>unterminated section [if] detected"), "no location repeated in the text: " + page);
        assertEquals(0, versions("vpn-update"));
    }

    @Test
    void aTemplateReachingConfigurationIsRefusedWithItsFileAndLine() {
        Map<String, String> templates = templates();
        templates.put("reminder.txt", "Reminder\n\n{config:property('quarkus.datasource.password')}\n");
        String page = refused(ConsoleSession.asAdmin(base), null, folder("vpn-update", YAML, templates), 422);
        assertTrue(page.contains("<td><code>vpn-update/reminder.txt</code></td><td class=\"num\">3</td>"), page);
        assertTrue(page.contains("&#39;config:&#39; is not allowed in a playbook template"), page);
        assertEquals(0, versions("vpn-update"));
    }

    @Test
    void aZipReachingOutsideItsFolderIsRefused() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        for (String name :
                new String[] {"../evil.html", "vpn-update/../../evil.html", "/etc/evil.html", "C:\\evil.html"}) {
            Map<String, String> files = folder("vpn-update", YAML, templates());
            files.put(name, "x");
            String page = refused(session, null, zip(files), 422);
            assertTrue(page.contains("a path outside the playbook&#39;s folder"), name + ": " + page);
        }
        assertEquals(0, versions("vpn-update"));
    }

    @Test
    void aZipBombAndAnOversizedUploadAreRefusedAsTooLarge() throws IOException {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("vpn-update/invitation.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bomb.size() < 200_000, "64 MB of zeros compress to " + bomb.size() + " bytes");
        String page = refused(session, null, bomb.toByteArray(), 413);
        assertTrue(page.contains("The upload expands to more than 2097152 bytes"), page);

        page = refused(session, null, new byte[3 * 1024 * 1024], 413);
        assertTrue(page.contains("The upload is larger than 2097152 bytes"), page);

        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("vpn-update/note" + i + ".md", "x");
        }
        page = refused(session, null, zip(many), 413);
        assertTrue(page.contains("more than 100 entries"), page);
        assertEquals(0, versions("vpn-update"));
    }

    @Test
    void hostileNamesAndContentsAreEscaped() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        Map<String, String> files = folder(
                "vpn-update", YAML.replace("key: vpn-update", "key: \"<script>alert(1)</script>\""), templates());
        String page = refused(session, SHIPPED, zip(files), 422);
        assertFalse(page.contains("<script>alert(1)"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);

        files = folder("vpn-update", YAML, templates());
        files.put("vpn-update/<img src=x onerror=alert(2)>.html", "x");
        page = refused(session, null, zip(files), 422);
        assertFalse(page.contains("<img src=x"), page);
        assertTrue(page.contains("<code>vpn-update/&lt;img src=x onerror=alert(2)&gt;.html</code>"), page);

        String notZip = refused(session, null, "<b>not a zip</b>".getBytes(StandardCharsets.UTF_8), 422);
        assertTrue(notZip.contains("not a ZIP archive"), notZip);
    }

    @Test
    void aVersionUploadedToAPlaybookMustKeepItsKey() {
        Map<String, String> files = folder("other", YAML.replace("key: vpn-update", "key: other"), templates());
        String page = refused(ConsoleSession.asAdmin(base), SHIPPED, zip(files), 422);
        assertTrue(
                page.contains(
                        "key: &#39;other&#39; must equal the playbook it is uploaded to &#39;" + SHIPPED + "&#39;"),
                page);
        assertEquals(0, versions("other"));
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        session.get()
                .multiPart("files", "vpn.zip", zip(folder("vpn-update", YAML, templates())), "application/zip")
                .post("/console/playbooks/upload")
                .then()
                .statusCode(403);
        assertEquals(0, versions("vpn-update"));
    }

    @Test
    void theApiTakesAndGivesTheSameZip() {
        byte[] downloaded = Api.asAdmin()
                .get("/api/v1/playbooks/" + SHIPPED + "/download")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        Api.asAdmin()
                .contentType("application/zip")
                .body(downloaded)
                .post("/api/v1/playbooks/" + SHIPPED + "/versions")
                .then()
                .statusCode(201)
                .body("version", org.hamcrest.Matchers.equalTo(2));

        Map<String, String> broken = folder("vpn-update", YAML.replace("    title: Restart\n", ""), templates());
        Api.asAdmin()
                .contentType("application/zip")
                .body(zip(broken))
                .post("/api/v1/playbooks/vpn-update/versions")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("problems.field", hasItem("vpn-update/playbook.yaml"))
                .body("problems.reason", hasItem("line 12: steps[1].title: required"));
        Api.asAuditor()
                .contentType("application/zip")
                .body(downloaded)
                .post("/api/v1/playbooks/" + SHIPPED + "/versions")
                .then()
                .statusCode(403);
        assertEquals(0, versions("vpn-update"));
    }

    @Test
    void aCisoUploadsFromThePlaybookPageAndSeesTheProblemsByFileAndLine() throws IOException {
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
        Browser b = browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Path dir = Files.createTempDirectory("heed-playbook-upload");
        Map<String, String> broken = templates();
        broken.put("invitation.html", "<p>Hello {recipient.name}</p>\n<p>{#if link}unclosed</p>\n");
        StringBuilder paths = new StringBuilder();
        Files.writeString(dir.resolve("playbook.yaml"), YAML);
        paths.append(dir.resolve("playbook.yaml"));
        for (var file : broken.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
            paths.append('\n').append(dir.resolve(file.getKey()));
        }

        b.visit("/console/playbooks");
        b.submit("a[href='/console/playbooks/upload']");
        b.look("playbook-upload");
        b.find("#f-files").sendKeys(paths.toString());
        b.submit("form.pb-upload button[type=submit]");
        assertTrue(b.text(".notice-error").contains("nothing was stored"), b.text(".notice-error"));
        assertTrue(
                b.text(".pb-upload-problems tbody").startsWith("invitation.html 2"),
                b.text(".pb-upload-problems tbody"));
        b.look("playbook-upload-error");

        Files.writeString(dir.resolve("invitation.html"), templates().get("invitation.html"));
        b.find("#f-files").sendKeys(paths.toString());
        b.submit("form.pb-upload button[type=submit]");
        assertTrue(b.path().startsWith("/console/playbooks/vpn-update?version=1"), b.path());
        assertTrue(b.text(".flash").contains("Playbook uploaded: Update the VPN client."), b.text(".flash"));

        // The playbook page offers its files and the upload of the next version.
        assertTrue(b.text(".pb-files").contains("vpn-update-v1.zip"), b.text(".pb-files"));
        Files.writeString(dir.resolve("playbook.yaml"), YAML.replace("title: Restart", "title: Restart now"));
        b.find("#f-files").sendKeys(paths.toString());
        b.submit("form.pb-upload button[type=submit]");
        assertTrue(b.path().startsWith("/console/playbooks/vpn-update?version=2"), b.path());
        assertTrue(b.text(".pb-steps").contains("Restart now"), b.text(".pb-steps"));
    }

    private static Response upload(ConsoleSession session, String key, byte[] zip) {
        var request = session.post().multiPart("files", "playbook.zip", zip, "application/zip");
        if (key != null) {
            request = request.multiPart("key", key);
        }
        return request.post("/console/playbooks/upload");
    }

    private static String refused(ConsoleSession session, String key, Map<String, String> files, int status) {
        return refused(session, key, zip(files), status);
    }

    private static String refused(ConsoleSession session, String key, byte[] zip, int status) {
        Response response = upload(session, key, zip);
        assertEquals(status, response.statusCode(), response.asString());
        return response.asString();
    }

    private long versions(String key) {
        return Database.count(dataSource, "select count(*) from playbook_version where playbook_key = '" + key + "'");
    }

    private String hash(int version) {
        return Database.string(
                dataSource,
                "select content_hash from playbook_version where playbook_key = '" + SHIPPED + "' and version = "
                        + version);
    }

    private static Map<String, String> templates() {
        Map<String, String> templates = new TreeMap<>();
        templates.put(
                "invitation.html",
                "<h1>{playbook.title}</h1>\n{#for step in playbook.steps}<p>{step.title}</p>{/for}\n<a href=\"{link}\">Open</a>\n");
        templates.put("invitation.txt", "{playbook.title}\n{link}\n");
        templates.put("reminder.html", "<p>Reminder: {playbook.title}</p>\n<a href=\"{link}\">Open</a>\n");
        templates.put("reminder.txt", "Reminder: {playbook.title}\n{link}\n");
        return templates;
    }

    private static Map<String, String> folder(String name, String yaml, Map<String, String> templates) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + "/playbook.yaml", yaml);
        templates.forEach((file, text) -> files.put(name + "/" + file, text));
        return files;
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> unzip(byte[] archive) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
