package io.heed.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which visits look like a mail scanner's, with the shipped defaults; no server. */
class ScannerHeuristicsTest {

    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final Instant SENT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LATER = SENT.plus(Duration.ofHours(2));

    private final ScannerHeuristics heuristics = new ScannerHeuristics(shippedUserAgents(), shippedAfterDelivery());

    /** The shipped {@code heed.acknowledgement.scanners.user-agents}, as its {@code @WithDefault} states it. */
    private static List<String> shippedUserAgents() {
        return Arrays.asList(shipped("userAgents").split(","));
    }

    private static Duration shippedAfterDelivery() {
        return Duration.parse(shipped("afterDelivery"));
    }

    private static String shipped(String knob) {
        try {
            return AcknowledgementConfig.Scanners.class
                    .getMethod(knob)
                    .getAnnotation(WithDefault.class)
                    .value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static ClientRequest get(String userAgent) {
        return new ClientRequest("GET", "192.0.2.1", userAgent, "en-GB,en;q=0.9", null);
    }

    private String signals(ClientRequest request) {
        return heuristics.signals(request, SENT, LATER);
    }

    @Test
    void aBrowserOpeningItsPageLongAfterDeliveryLooksHuman() {
        assertNull(signals(get(BROWSER)));
        assertNull(heuristics.signals(get(BROWSER), null, LATER), "not delivered yet (or its time unknown)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (compatible; Microsoft Office SafeLinks scanner)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "facebookexternalhit/1.1",
                "Proofpoint URL Defense",
                "Mimecast-Link-Scanner",
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5)",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0",
                "curl/8.5.0",
                "Wget/1.21.4",
                "python-requests/2.32.3",
                "Java/17.0.12",
                "okhttp/4.12.0",
                "Go-http-client/1.1",
                "Apache-HttpClient/5.3 (Java/17)",
                "axios/1.7.7",
                "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
                "SkypeUriPreview Preview/0.5"
            })
    void knownScannersAndLibrariesAreRecognisedByTheirUserAgent(String userAgent) {
        assertEquals("scanner-user-agent", signals(get(userAgent)), userAgent);
    }

    @Test
    void userAgentPartsMatchWhateverTheCase() {
        assertEquals("scanner-user-agent", signals(get("CURL/8.5.0")));
        ScannerHeuristics custom = new ScannerHeuristics(List.of(" MyGateway ", "", "  "), Duration.ofMinutes(1));
        assertEquals("scanner-user-agent", custom.signals(get("mygateway/2.0"), SENT, LATER));
        assertNull(custom.signals(get(BROWSER), SENT, LATER), "blank parts match nothing");
    }

    @Test
    void aMissingUserAgentOrAcceptLanguageIsNotABrowser() {
        assertEquals("no-user-agent", signals(get(null)));
        assertEquals("no-user-agent", signals(get("  ")));
        assertEquals("no-accept-language", signals(new ClientRequest("GET", "192.0.2.1", BROWSER, null, null)));
        assertEquals("no-accept-language", signals(new ClientRequest("GET", "192.0.2.1", BROWSER, " ", null)));
    }

    @Test
    void headIsALinkChecker() {
        assertEquals("head", signals(new ClientRequest("HEAD", "192.0.2.1", BROWSER, "de", null)));
    }

    @Test
    void aPrefetchOrPrerenderForPrefetchIsNotAVisitByThePerson() {
        // The resource passes Sec-Purpose, or the older Purpose header when there is none.
        assertEquals("prefetch", signals(new ClientRequest("GET", "192.0.2.1", BROWSER, "en", "prefetch")));
        assertEquals("prefetch", signals(new ClientRequest("GET", "192.0.2.1", BROWSER, "en", "prefetch;prerender")));
        assertEquals("prefetch", signals(new ClientRequest("GET", "192.0.2.1", BROWSER, "en", "Prefetch")));
        assertNull(signals(new ClientRequest("GET", "192.0.2.1", BROWSER, "en", "prerender")));
    }

    @Test
    void aVisitWithinTheWindowAfterDeliveryLooksAutomatedEvenFromABrowser() {
        Duration window = shippedAfterDelivery();
        assertEquals(Duration.ofMinutes(1), window);
        assertEquals("soon-after-delivery", heuristics.signals(get(BROWSER), SENT, SENT));
        assertEquals("soon-after-delivery", heuristics.signals(get(BROWSER), SENT, SENT.plusSeconds(5)));
        assertEquals(
                "soon-after-delivery",
                heuristics.signals(get(BROWSER), SENT, SENT.plus(window).minusMillis(1)));
        assertNull(heuristics.signals(get(BROWSER), SENT, SENT.plus(window)), "the window's end is outside it");
        assertNull(
                heuristics.signals(get(BROWSER), SENT, SENT.minusSeconds(5)),
                "a clock behind the sender's is no sign of a scanner");
    }

    @Test
    void everySignalIsListedInOneOrder() {
        ClientRequest scanner = new ClientRequest("HEAD", "192.0.2.1", "curl/8.5.0", null, "prefetch");
        assertEquals(
                "head,scanner-user-agent,no-accept-language,prefetch,soon-after-delivery",
                heuristics.signals(scanner, SENT, SENT.plusSeconds(1)));
        assertEquals(
                "head,no-user-agent,no-accept-language",
                heuristics.signals(new ClientRequest("HEAD", "192.0.2.1", null, null, null), SENT, LATER));
    }
}
