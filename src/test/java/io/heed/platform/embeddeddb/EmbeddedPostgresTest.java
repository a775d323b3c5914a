package io.heed.platform.embeddeddb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server Heed starts when no datasource URL is configured, outside Quarkus. */
class EmbeddedPostgresTest {

    // Under /tmp rather than target/: the SETPRIV case runs the server as 'nobody', who must reach the folder.
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path home;

    @Test
    void dataSurvivesARestart() throws Exception {
        var settings = new EmbeddedPostgres.Settings(home, 0, false, true, RunAs.Mode.AUTO);
        try (EmbeddedPostgres first = EmbeddedPostgres.start(settings)) {
            execute(first, "create table memo (text text)", "insert into memo values ('kept')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(settings)) {
            assertEquals("kept", queryString(second, "select text from memo"));
        }
    }

    @Test
    void onlyLocalConnectionsWithThePasswordAreAccepted() throws Exception {
        try (EmbeddedPostgres server =
                EmbeddedPostgres.start(new EmbeddedPostgres.Settings(home, 0, false, true, RunAs.Mode.AUTO))) {
            assertEquals("on", queryString(server, "show fsync"));
            assertEquals("localhost", queryString(server, "show listen_addresses"));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(server.jdbcUrl(), "heed", "wrong"));
            Set<PosixFilePermission> credentials = Files.getPosixFilePermissions(home.resolve("credentials"));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), credentials);
        }
    }

    @Test
    void aSecondProcessCannotUseTheSameDataFolder() {
        var settings = new EmbeddedPostgres.Settings(home, 0, false, false, RunAs.Mode.AUTO);
        try (EmbeddedPostgres running = EmbeddedPostgres.start(settings)) {
            var refused = assertThrows(IllegalStateException.class, () -> EmbeddedPostgres.start(settings));
            assertTrue(refused.getMessage().contains("used by another Heed process"), refused.getMessage());
        }
    }

    @Test
    void resetStartsFromAnEmptyDatabase() throws Exception {
        try (EmbeddedPostgres first =
                EmbeddedPostgres.start(new EmbeddedPostgres.Settings(home, 0, false, false, RunAs.Mode.AUTO))) {
            execute(first, "create table memo (text text)");
        }
        try (EmbeddedPostgres reset =
                EmbeddedPostgres.start(new EmbeddedPostgres.Settings(home, 0, true, false, RunAs.Mode.AUTO))) {
            assertEquals("0", queryString(reset, "select count(*) from pg_tables where tablename = 'memo'"));
        }
    }

    /**
     * Where user namespaces are blocked, root falls back to running PostgreSQL as 'nobody' through setpriv.
     * Only meaningful (and only possible) when the tests run as root, as they do in CI.
     */
    @Test
    void rootCanFallBackToSetpriv() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "setpriv needs root to change user");
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (EmbeddedPostgres server =
                EmbeddedPostgres.start(new EmbeddedPostgres.Settings(home, 0, false, false, RunAs.Mode.SETPRIV))) {
            assertEquals("1", queryString(server, "select 1"));
            String owner = Files.getOwner(home.resolve("data")).getName();
            assertEquals("nobody", owner);
        }
        assertFalse(Files.exists(home.resolve("data/postmaster.pid")), "the server stopped with close()");
    }

    private static void execute(EmbeddedPostgres server, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String queryString(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                var s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
