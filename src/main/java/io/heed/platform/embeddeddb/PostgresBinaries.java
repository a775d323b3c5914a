package io.heed.platform.embeddeddb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks the PostgreSQL distribution for this platform from the classpath, once per data folder. */
final class PostgresBinaries {

    private PostgresBinaries() {}

    static Path unpack(Path home) throws IOException {
        String resource = "postgres-" + operatingSystem() + "-" + architecture() + ".txz";
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new IllegalStateException("No embedded PostgreSQL for this platform (" + resource
                    + " is not on the classpath). Set QUARKUS_DATASOURCE_JDBC_URL to an external PostgreSQL.");
        }
        // The archive's location names the binaries' version, so a Heed upgrade unpacks afresh.
        Path target = home.resolve("postgres-" + shortHash(archive.toString()));
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path partial = Files.createTempDirectory(home, "postgres-unpacking-");
        // Readable by all, like an installed PostgreSQL: the server may run as another account (RunAs.SETPRIV).
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InputStream in =
                new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive.openStream())))) {
            extract((TarArchiveInputStream) in, partial);
        }
        Files.createFile(partial.resolve(".complete"));
        if (Files.exists(target)) {
            EmbeddedPostgres.deleteTree(target);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void extract(TarArchiveInputStream tar, Path into) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path path = into.resolve(entry.getName()).normalize();
            if (!path.startsWith(into)) {
                throw new IOException("Archive entry outside its folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
                continue;
            }
            Files.createDirectories(path.getParent());
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Files.createLink(path, into.resolve(entry.getLinkName()));
            } else {
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(path, permissions(entry.getMode()));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    private static String operatingSystem() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "darwin";
        }
        return os.contains("win") ? "windows" : "linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
