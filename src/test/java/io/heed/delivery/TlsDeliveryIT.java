package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.PackagedHeed;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP over TLS as operators configure it ({@code heed.smtp.tls}): the packaged Heed sends through SMTPS and
 * STARTTLS servers whose certificate it trusts, and sends nothing to a server that does not offer STARTTLS or
 * whose certificate it does not trust. The server's certificate is made for the test (keytool, for 127.0.0.1)
 * and trusted by Heed's JVM through {@code javax.net.ssl.trustStore}, as an operator trusts an internal CA.
 */
class TlsDeliveryIT {

    static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path dir;

    static Path trustStore;
    static SSLContext serverTls;

    PackagedHeed heed;
    ScriptedSmtpServer smtp;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keyStore = dir.resolve("smtp-server.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "smtp",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                STORE_PASSWORD);
        Path certificate = dir.resolve("smtp-server.crt");
        keytool(
                "-exportcert",
                "-alias",
                "smtp",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                certificate.toString());
        trustStore = dir.resolve("trust.p12");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "smtp",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                STORE_PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
    }

    @AfterEach
    void stop() throws Exception {
        PackagedHeed.cleanUp(dir, heed);
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void smtpsDeliversOverTlsToATrustedServer() throws Exception {
        smtp = ScriptedSmtpServer.start(0, ScriptedSmtpServer.Tls.SMTPS, serverTls);
        heed = start("smtps", true);

        check("smtps@example.com");

        heed.await(() -> smtp.deliveredOverTls().contains("smtps@example.com"), Duration.ofSeconds(30));
    }

    @Test
    void starttlsUpgradesTheConnectionBeforeAnyMessage() throws Exception {
        smtp = ScriptedSmtpServer.start(0, ScriptedSmtpServer.Tls.STARTTLS, serverTls);
        heed = start("starttls", true);

        check("starttls@example.com");

        heed.await(() -> smtp.deliveredOverTls().contains("starttls@example.com"), Duration.ofSeconds(30));
        assertEquals(smtp.deliveredOverTls(), smtp.delivered(), "nothing went over plain text");
    }

    @Test
    void starttlsSendsNothingToAServerThatDoesNotOfferIt() throws Exception {
        smtp = ScriptedSmtpServer.start(0, ScriptedSmtpServer.Tls.NONE, null);
        heed = start("starttls", true);

        long id = check("plain@example.com");

        JsonPath message = awaitFirstAttempt(id);
        assertEquals("PENDING", message.getString("status"), "retried later, never sent in the clear");
        assertTrue(message.getString("lastSmtpReply").contains("STARTTLS"), message.getString("lastSmtpReply"));
        assertEquals(List.of(), smtp.delivered());
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        smtp = ScriptedSmtpServer.start(0, ScriptedSmtpServer.Tls.SMTPS, serverTls);
        heed = start("smtps", false);

        long id = check("untrusted@example.com");

        JsonPath message = awaitFirstAttempt(id);
        assertEquals("PENDING", message.getString("status"));
        assertNotNull(message.getString("lastSmtpReply"));
        assertEquals(List.of(), smtp.delivered());
    }

    private PackagedHeed start(String tls, boolean trustTheServer) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        if (trustTheServer) {
            jvm.add("-Djavax.net.ssl.trustStore=" + trustStore);
            jvm.add("-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD);
        }
        return PackagedHeed.start(
                dir,
                "heed-" + tls,
                Map.of(
                        "HEED_SMTP_HOST", "127.0.0.1",
                        "HEED_SMTP_PORT", Integer.toString(smtp.port()),
                        "HEED_SMTP_TLS", tls,
                        "HEED_SMTP_CONNECT_TIMEOUT", "5s",
                        "HEED_SMTP_TIMEOUT", "5s",
                        "HEED_DELIVERY_POLL_INTERVAL", "100ms"),
                jvm.toArray(String[]::new));
    }

    /** Queues a delivery check to {@code to}; returns its outbox id. */
    private long check(String to) {
        return heed.api()
                .contentType(ContentType.JSON)
                .body(Map.of("to", to))
                .post("/api/v1/delivery/check")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private JsonPath awaitFirstAttempt(long id) throws InterruptedException {
        JsonPath[] message = new JsonPath[1];
        heed.await(
                () -> {
                    message[0] = heed.api()
                            .get("/api/v1/delivery/messages/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    return message[0].getInt("attempts") >= 1 && message[0].getString("lastSmtpReply") != null;
                },
                Duration.ofSeconds(30));
        return message[0];
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), output);
    }
}
