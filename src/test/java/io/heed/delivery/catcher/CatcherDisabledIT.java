package io.heed.delivery.catcher;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.PackagedHeed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image switches the built-in mail catcher off: a deployment that forgot its SMTP relay must not
 * start and quietly keep every invitation in a catcher nobody reads.
 */
class CatcherDisabledIT {

    @TempDir
    Path dir;

    @Test
    void withoutARelayAndWithTheCatcherOffHeedRefusesToStartAndSaysWhy() throws Exception {
        PackagedHeed.Exit exit = PackagedHeed.runToExit(dir, "no-relay", Map.of("HEED_SMTP_CATCHER_ENABLED", "false"));

        assertNotEquals(0, exit.code());
        assertTrue(exit.log().contains("No SMTP relay configured: set heed.smtp.host (HEED_SMTP_HOST)"), exit.log());
    }

    @AfterEach
    void stop() throws Exception {
        PackagedHeed.cleanUp(dir);
    }
}
