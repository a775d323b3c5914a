package io.heed.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which regions the current caller may see. The one place region scoping is decided: queries take a
 * {@code RegionScope} and apply {@link #regions()} instead of reasoning about roles themselves.
 *
 * @param unrestricted true for admins and auditors, who see every region
 * @param regions the allowed regions when not unrestricted (possibly empty: then nothing is visible)
 */
public record RegionScope(boolean unrestricted, Set<String> regions) {

    public static final RegionScope ALL = new RegionScope(true, Set.of());

    public static RegionScope only(Collection<String> regions) {
        return new RegionScope(false, Set.copyOf(regions));
    }

    public boolean allows(String region) {
        return unrestricted || regions.contains(region);
    }

    /**
     * The regions a query should filter on: the caller's request ({@code requested}, may be empty for "all"),
     * narrowed to what the caller may see. Empty means "no filter" only for unrestricted callers.
     */
    public Optional<Set<String>> narrow(Optional<String> requested) {
        if (unrestricted) {
            return requested.map(Set::of);
        }
        if (requested.isEmpty()) {
            return Optional.of(regions);
        }
        return Optional.of(regions.contains(requested.get()) ? Set.of(requested.get()) : Set.of());
    }
}
