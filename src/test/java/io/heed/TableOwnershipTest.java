package io.heed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package writes only its own tables; others ask it (a use case, a port) or read. Which package owns which
 * table is written once, in the table of docs/architecture.md ("Table ownership"), and checked here against the
 * code: every INSERT, UPDATE, DELETE, TRUNCATE and COPY in a package's SQL (Java sources, comments left out, and
 * its {@code .sql} resources), and every write to a field of an entity, from Java, must be in the owner's
 * package. Flyway migrations (the schema, and the counter triggers compliance defines on its own tables) are not
 * scanned.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/io/heed");
    private static final Path RESOURCES = Path.of("src/main/resources/io/heed");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|delete\\s+from|truncate(?:\\s+table)?|copy)\\s+([a-z_][a-z0-9_]*)"
                    + "|\\bupdate\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?\\s+set\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z_0-9]+)`\\s*\\|\\s*`([a-z.]+)`\\s*\\|");

    /** The ownership table of docs/architecture.md: table → package ({@code campaign}, {@code platform}, …). */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith("## Table ownership");
            } else if (inSection) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    owners.put(row.group(1), row.group(2));
                }
            }
        }
        return owners;
    }

    @Test
    void everyTableWrittenInSqlBelongsToThePackageThatWritesIt() throws IOException {
        Map<String, String> owners = owners();
        assertFalse(owners.isEmpty(), "docs/architecture.md has a 'Table ownership' table");
        List<String> violations = new ArrayList<>();
        for (Path root : List.of(MAIN, RESOURCES)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f ->
                                f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                        .toList()) {
                    String pkg = root.relativize(file).getName(0).toString();
                    String text = Files.readString(file);
                    if (file.toString().endsWith(".java")) {
                        text = withoutComments(text);
                    }
                    Matcher m = WRITE.matcher(text);
                    while (m.find()) {
                        String table = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
                        String owner = owners.get(table);
                        if (owner == null) {
                            violations.add(
                                    file + " writes '" + table + "', which has no owner in docs/architecture.md");
                        } else if (!owner.equals(pkg)) {
                            violations.add(file + " (" + pkg + ") writes '" + table + "', owned by " + owner);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void entityFieldsAreWrittenOnlyInTheirOwnPackage() {
        List<String> violations = new ArrayList<>();
        for (JavaClass writer : ArchitectureTest.HEED) {
            for (JavaFieldAccess access : writer.getFieldAccessesFromSelf()) {
                JavaClass owner = access.getTargetOwner();
                if (access.getAccessType() == JavaFieldAccess.AccessType.SET
                        && owner.isAnnotatedWith(Entity.class)
                        && !feature(owner).equals(feature(writer))) {
                    violations.add(access.getDescription());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** {@code io.heed.campaign.x.Y} → {@code campaign}. */
    private static String feature(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    /** Java source without its comments; string literals (where SQL lives) stay. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int j = i + 1;
                while (j < n && source.charAt(j) != quote && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(n, j + 1));
                i = j + 1;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }
}
