package io.heed.delivery;

import io.heed.support.Ports;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Heed configured for an external SMTP server on a free local port, where each test starts the server it needs
 * (GreenMail, or a {@link ScriptedSmtpServer}). The background dispatcher is off: tests run dispatcher rounds
 * themselves, so what they assert does not depend on timing.
 */
public class DeliveryTestProfile implements QuarkusTestProfile {

    static final int SMTP_PORT = Ports.freeShared("heed.test.delivery.smtp-port");

    /** The global cap: 12,000 a minute, one message per 5 ms. */
    static final int MAX_PER_MINUTE = 12_000;

    static final int BATCH_SIZE = 50;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "heed.smtp.host", "127.0.0.1",
                "heed.smtp.port", Integer.toString(SMTP_PORT),
                "heed.smtp.tls", "none",
                "heed.smtp.from", "Heed Tests <heed@tests.example>",
                "heed.smtp.reply-to", "security@tests.example",
                "heed.smtp.max-per-minute", Integer.toString(MAX_PER_MINUTE),
                "heed.delivery.enabled", "false",
                "heed.delivery.batch-size", Integer.toString(BATCH_SIZE));
    }
}
