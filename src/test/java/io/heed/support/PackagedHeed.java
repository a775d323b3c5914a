package io.heed.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The packaged Heed ({@code target/quarkus-app}, what operators run) in a process of its own, on an embedded
 * database folder of the test's: for integration tests (*IT, run by failsafe after packaging) that need what
 * an in-JVM test cannot give, such as a SIGKILL or a heap of a given size.
 */
public final class PackagedHeed implements AutoCloseable {

    public static final String ADMIN = "it@heed.local";
    public static final String PASSWORD = "it-password-123456";

    private final Process process;
    private final int port;
    private final Path home;
    private final Path log;

    private PackagedHeed(Process process, int port, Path home, Path log) {
        this.process = process;
        this.port = port;
        this.home = home;
        this.log = log;
    }

    /**
     * Starts Heed on the embedded database under {@code dir/db} (kept between starts in the same folder) and
     * waits until it is ready. {@code env} adds configuration; {@code jvmOptions} go to the JVM.
     */
    public static PackagedHeed start(Path dir, String name, Map<String, String> env, String... jvmOptions)
            throws IOException, InterruptedException {
        int port = Ports.free();
        Path log = dir.resolve(name + ".log");
        PackagedHeed heed = new PackagedHeed(launch(dir, port, log, env, jvmOptions), port, dir.resolve("db"), log);
        try {
            heed.await(heed::ready, Duration.ofSeconds(90));
        } catch (AssertionError notReady) {
            heed.process.destroyForcibly();
            throw notReady;
        }
        return heed;
    }

    /** How a Heed that was expected to stop by itself ended. */
    public record Exit(int code, String log) {}

    /** Starts Heed as {@link #start} does and waits for it to exit by itself (a refused start-up). */
    public static Exit runToExit(Path dir, String name, Map<String, String> env, String... jvmOptions)
            throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".log");
        Process process = launch(dir, Ports.free(), log, env, jvmOptions);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Heed kept running:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Exit(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process launch(Path dir, int port, Path log, Map<String, String> env, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-jar");
        command.add(System.getProperty("heed.application.jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("QUARKUS_DATASOURCE_JDBC_URL");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("HEED_EMBEDDED_DB_DIR", dir.resolve("db").toString());
        environment.put(
                "HEED_PLAYBOOKS_DIR",
                Path.of("templates/playbooks").toAbsolutePath().toString());
        environment.put("HEED_ADMIN_EMAIL", ADMIN);
        environment.put("HEED_ADMIN_PASSWORD", PASSWORD);
        environment.putAll(env);
        return builder.start();
    }

    /** The admin API, as the first admin. */
    public RequestSpecification api() {
        return given().baseUri(baseUrl()).auth().preemptive().basic(ADMIN, PASSWORD);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Its embedded database, as its superuser (from the files beside the data folder). */
    public DataSource database() throws IOException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        // line 4 of postmaster.pid is the server's port
        dataSource.setPortNumbers(new int[] {
            Integer.parseInt(Files.readAllLines(home.resolve("data/postmaster.pid"))
                    .get(3)
                    .trim())
        });
        dataSource.setDatabaseName("heed");
        dataSource.setUser("heed");
        dataSource.setPassword(Files.readString(home.resolve("credentials")).trim());
        return dataSource;
    }

    /** Waits for {@code condition}, failing with the end of Heed's log if Heed exits or time runs out. */
    public void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Heed exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("not reached within " + timeout + ":\n" + logTail());
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed");
    }

    /** SIGTERM: a graceful stop, which also stops its embedded PostgreSQL. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * Stops whatever is left under {@code dir}: a Heed still running, and the PostgreSQL server a killed Heed
     * left behind (a later start would stop it, but a failed test may not get there).
     */
    public static void cleanUp(Path dir, PackagedHeed... heeds) throws IOException, InterruptedException {
        for (PackagedHeed heed : heeds) {
            if (heed != null && heed.process.isAlive()) {
                heed.stop();
            }
        }
        Path pidFile = dir.resolve("db/data/postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private boolean ready() {
        try {
            return given().baseUri(baseUrl()).get("/q/health/ready").statusCode() == 200;
        } catch (Exception notListeningYet) { // a ConnectException, thrown undeclared by RestAssured
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        cleanUp(home.getParent(), this);
    }
}
