package io.heed.platform.database;

import java.util.Collection;
import java.util.List;

/**
 * An array parameter whose PostgreSQL element type is stated, e.g. {@code SqlArray.of("timestamptz", times)}:
 * for arrays that may be empty or all null, where the type cannot be read off the elements.
 */
public record SqlArray(String elementType, List<?> elements) {

    public static SqlArray of(String elementType, Collection<?> elements) {
        return new SqlArray(elementType, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(elements)));
    }
}
