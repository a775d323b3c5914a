package io.heed.platform.api;

import io.heed.platform.error.Refusal;
import java.util.List;
import java.util.function.Function;

/** One page of a listing: {@code page} counts from 0; {@code total} is the count over all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Checks the paging parameters a client sent, before any query runs. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw Refusal.invalid("page: must be 0 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Refusal.invalid("size: must be between 1 and " + MAX_SIZE + ".");
        }
    }
}
