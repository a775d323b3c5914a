package io.heed.platform.embeddeddb;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One embedded server per JVM and data folder. Tests (one application start per test profile) and dev-mode
 * reloads start the application several times in one JVM, each time in a fresh class loader, so the running
 * server is remembered in a system property, the one place all of them share. There it stops when the JVM
 * exits. A normal run stops it on the application's own shutdown, after the HTTP server has stopped taking
 * requests: a JVM shutdown hook would race Quarkus's and could pull the database from under a request.
 */
@ApplicationScoped
public class EmbeddedPostgresHolder {

    /** Where the datasource should point. */
    record Endpoint(String jdbcUrl, String username, String password) {}

    private static EmbeddedPostgres server;

    static synchronized Endpoint startOnce(EmbeddedPostgres.Settings settings) {
        String key = "heed.embedded-db.running."
                + settings.directory().toAbsolutePath().normalize();
        String running = System.getProperty(key);
        if (running != null) {
            String[] parts = running.split("\n", 3);
            return new Endpoint(parts[0], parts[1], parts[2]);
        }
        server = EmbeddedPostgres.start(settings);
        EmbeddedPostgres started = server;
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            // Tests and dev mode outlive any one application start: stop with the JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
        }
        System.setProperty(key, String.join("\n", started.jdbcUrl(), started.username(), started.password()));
        return new Endpoint(started.jdbcUrl(), started.username(), started.password());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            synchronized (EmbeddedPostgresHolder.class) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }
}
