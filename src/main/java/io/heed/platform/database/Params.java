package io.heed.platform.database;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a {@link NamedSql}'s parameters, by name; null is a value. Each is bound with its JDBC type:
 * {@link java.time.Instant} as {@code timestamptz}, an enum by its name, a {@link java.util.Collection} or array
 * as a PostgreSQL array of its elements' type ({@link SqlArray} when it must be said), everything else as the
 * driver binds it.
 */
public final class Params {

    public static final Params NONE = new Params(Map.of());

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    public static Params of(String name, Object value) {
        return new Params(Map.of()).and(name, value);
    }

    public static Params of(Map<String, ?> values) {
        return new Params(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** A copy with one more value; a name given twice keeps the last. */
    public Params and(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Params(Collections.unmodifiableMap(copy));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Object get(String name) {
        return values.get(name);
    }

    @Override
    public String toString() {
        // Names only: values may be personal data or secrets.
        return "Params" + values.keySet();
    }
}
