package io.heed.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement with named parameters ({@code :campaign}), parsed once into JDBC's positional form. A name
 * used several times is bound once by whoever runs it ({@link Params}); {@code ::type} casts, string literals,
 * quoted identifiers, dollar-quoted bodies and comments are left alone. Keep instances in constants.
 */
public final class NamedSql {

    private final String text;
    private final String jdbc;
    private final List<String> positions;

    private NamedSql(String text) {
        this.text = Objects.requireNonNull(text);
        List<String> names = new ArrayList<>();
        this.jdbc = parse(text, names);
        this.positions = List.copyOf(names);
    }

    public static NamedSql of(String sql) {
        return new NamedSql(sql);
    }

    /**
     * A statement kept in a resource next to {@code owner}: {@code load(LaunchCampaign.class,
     * "snapshot-audience.sql")} reads {@code io/heed/campaign/snapshot-audience.sql}. Long statements live there,
     * commented, in the package that owns the tables they write.
     */
    public static NamedSql load(Class<?> owner, String name) {
        String path = owner.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No SQL resource " + path);
            }
            return new NamedSql(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL resource " + path, e);
        }
    }

    /** The statement as written. */
    public String text() {
        return text;
    }

    /** The statement with each {@code :name} replaced by {@code ?}. */
    public String jdbc() {
        return jdbc;
    }

    /** The parameter name of each {@code ?}, in order. */
    public List<String> positions() {
        return positions;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String parse(String sql, List<String> names) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i + 1, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException("Positional '?' in a named statement: use :name instead\n" + sql);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the quote closing a literal or identifier opened before {@code from}; doubled quotes stay. */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code at}, or null. */
    private static String dollarTag(String sql, int at) {
        int i = at + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == at + 1 || !Character.isDigit(sql.charAt(at + 1)))) {
            return sql.substring(at, i + 1);
        }
        return null;
    }
}
