package io.heed.platform.embeddeddb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the PostgreSQL processes are started. PostgreSQL refuses to run as root ({@code initdb: cannot be run
 * as root}), and Heed may well be started as root (containers, CI).
 *
 * <ul>
 *   <li>{@code CURRENT}: not root, run the binaries directly.
 *   <li>{@code UNSHARE}: root, in a new user namespace ({@code unshare -U}). Inside it the process has the
 *       overflow uid (65534), not 0, so PostgreSQL's check passes, while on the host it still owns the files
 *       it creates; nothing changes hands.
 *   <li>{@code SETPRIV}: root where user namespaces are blocked (some container runtimes): drop to the
 *       {@code nobody} account with {@code setpriv} and give it the data directory. The data folder must then
 *       be reachable by that account (not under {@code /root}).
 * </ul>
 *
 * {@code AUTO} picks the first that works in that order.
 */
final class RunAs {

    enum Mode {
        AUTO,
        CURRENT,
        UNSHARE,
        SETPRIV;

        static Mode parse(String value) {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final Mode mode;

    private RunAs(Mode mode) {
        this.mode = mode;
    }

    static RunAs choose(Mode wanted) {
        if (wanted != Mode.AUTO) {
            return new RunAs(wanted);
        }
        if (!isRoot()) {
            return new RunAs(Mode.CURRENT);
        }
        if (unshareGivesNonRootUid()) {
            return new RunAs(Mode.UNSHARE);
        }
        if (EmbeddedPostgres.runQuietly(List.of("setpriv", "--version")) == 0) {
            return new RunAs(Mode.SETPRIV);
        }
        throw new IllegalStateException("Heed runs as root, where PostgreSQL refuses to start, and neither"
                + " 'unshare -U' nor 'setpriv' is available. Run Heed as a normal user, or set"
                + " QUARKUS_DATASOURCE_JDBC_URL to an external PostgreSQL.");
    }

    List<String> command(Path executable, String... arguments) {
        List<String> command = new ArrayList<>();
        switch (mode) {
            case UNSHARE -> command.addAll(List.of("unshare", "-U"));
            case SETPRIV ->
                command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=" + nobodyGroup(), "--clear-groups"));
            default -> {}
        }
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Gives a path to the account PostgreSQL runs as, where that is another account. */
    void handOver(Path path) throws IOException {
        if (mode != Mode.SETPRIV) {
            return;
        }
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(nobodyGroup());
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(nobody);
        view.setGroup(group);
    }

    String describe() {
        return switch (mode) {
            case CURRENT, AUTO -> "as the current user";
            case UNSHARE -> "as root in a user namespace (unshare -U)";
            case SETPRIV -> "as 'nobody' (setpriv)";
        };
    }

    private static String nobodyGroup() {
        // Debian and Ubuntu call it nogroup, Red Hat and Alpine nobody.
        try {
            return Files.readAllLines(Path.of("/etc/group"), StandardCharsets.UTF_8).stream()
                            .anyMatch(line -> line.startsWith("nogroup:"))
                    ? "nogroup"
                    : "nobody";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || uidFromId().equals("0");
    }

    private static String uidFromId() {
        return output(List.of("id", "-u"));
    }

    private static boolean unshareGivesNonRootUid() {
        String uid = output(List.of("unshare", "-U", "id", "-u"));
        return !uid.isEmpty() && !uid.equals("0");
    }

    private static String output(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
