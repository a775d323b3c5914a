package io.heed.acknowledgement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The employee acknowledgement page ({@code /ack/<token>}). Links themselves are {@code heed.links.*}. */
@ConfigMapping(prefix = "heed.acknowledgement")
interface AcknowledgementConfig {

    /**
     * How long a rendered page's forms stay valid (their CSRF token carries its issue time). A form older than
     * this is refused with a "reload the page" notice, nothing recorded.
     */
    @WithDefault("P1D")
    Duration formValidity();

    /** Refusing addresses that keep failing (unknown tokens, bad forms). */
    RateLimit rateLimit();

    /** Telling mail-scanner visits from people's. */
    Scanners scanners();

    /** The visit log. */
    Visits visits();

    interface RateLimit {

        /**
         * Failed requests (404, 400, 403) one client address may make per window before every further
         * {@code /ack} request from it is answered 429 until the window ends. Counted per replica, in memory.
         */
        @WithDefault("30")
        int maxFailures();

        /** The counting window. */
        @WithDefault("PT10M")
        Duration window();

        /** Addresses tracked at most; beyond it the oldest windows are dropped first. */
        @WithDefault("100000")
        int maxAddresses();
    }

    interface Scanners {

        /**
         * Case-insensitive parts of User-Agent headers that mark a visit as possibly automated: link scanners of
         * mail gateways, previewers, HTTP libraries, headless browsers.
         */
        @WithDefault("bot/,bot;,bot-,(bot,+http,crawl,spider,preview,scan,externalhit,proofpoint,mimecast,barracuda,"
                + "safelinks,"
                + "microsoft office,ms-office,outlook-ios,outlook-android,skypeuripreview,symantec,forcepoint,"
                + "fireeye,trendmicro,sophos,ironport,zscaler,urldefense,headless,phantomjs,curl,wget,"
                + "python,java/,okhttp,go-http-client,apache-httpclient,libwww,axios,node-fetch")
        List<String> userAgents();

        /** A visit this soon after the invitation was sent is marked as possibly automated. */
        @WithDefault("PT1M")
        Duration afterDelivery();
    }

    interface Visits {

        /** How often queued visits are written to {@code page_visit}, in one statement. */
        @WithDefault("1s")
        String flushEvery();

        /** Visits waiting to be written at most; beyond, new visits are dropped (and counted in the log). */
        @WithDefault("100000")
        int maxQueued();
    }
}
