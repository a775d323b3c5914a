package io.heed.platform.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A use case saying no: to input it cannot accept, to a thing that does not exist (or that the caller may not
 * see), to a change the current state does not allow, to a caller it does not serve. Free of any protocol: every
 * surface (the JSON API, the employee pages, the console, SCIM) decides how a refusal of each {@link Kind} looks
 * to its readers. Thrown before anything is written, or inside a transaction that it rolls back, so a refusal
 * never leaves anything half-done.
 *
 * <p>No stack trace is captured: a refusal is an answer, not a fault.
 */
public class Refusal extends RuntimeException {

    /** What kind of no it is. */
    public enum Kind {
        /** The input cannot be accepted: a field is missing, malformed or out of range ({@link #problems()}). */
        INVALID,
        /** No such thing, or none the caller may see (a regional officer asking for another region's data). */
        NOT_FOUND,
        /** The caller may not do this, whatever the input. */
        FORBIDDEN,
        /** The thing's current state ({@link #state()}) does not allow the change. */
        CONFLICT,
        /** The input is larger than the configured limit. */
        TOO_LARGE,
        /** Too many attempts; try again after {@link #retryAfter()}. */
        RATE_LIMITED
    }

    private final Kind kind;
    private final transient List<FieldProblem> problems;
    private final String state;
    private final Duration retryAfter;

    protected Refusal(Kind kind, String reason, List<FieldProblem> problems, String state, Duration retryAfter) {
        super(reason, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.problems = List.copyOf(problems);
        this.state = state;
        this.retryAfter = retryAfter;
    }

    public static Refusal invalid(String reason) {
        return new Refusal(Kind.INVALID, reason, List.of(), null, null);
    }

    /** Input with several problems, each naming its field; {@code reason} sums them up. */
    public static Refusal invalid(String reason, List<FieldProblem> problems) {
        return new Refusal(Kind.INVALID, reason, problems, null, null);
    }

    public static Refusal notFound(String reason) {
        return new Refusal(Kind.NOT_FOUND, reason, List.of(), null, null);
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(Kind.FORBIDDEN, reason, List.of(), null, null);
    }

    public static Refusal conflict(String reason) {
        return new Refusal(Kind.CONFLICT, reason, List.of(), null, null);
    }

    /** A change the thing's current state does not allow; {@code state} names that state (e.g. {@code ACTIVE}). */
    public static Refusal conflict(String reason, String state) {
        return new Refusal(Kind.CONFLICT, reason, List.of(), state, null);
    }

    public static Refusal tooLarge(String reason) {
        return new Refusal(Kind.TOO_LARGE, reason, List.of(), null, null);
    }

    public static Refusal rateLimited(String reason, Duration retryAfter) {
        return new Refusal(Kind.RATE_LIMITED, reason, List.of(), null, retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    /** A sentence the reader can act on; never a class name or a stack trace. */
    public String reason() {
        return getMessage();
    }

    /** The fields that failed, for {@link Kind#INVALID}; otherwise empty. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** The current state that refused a change, for {@link Kind#CONFLICT}; may be null. */
    public String state() {
        return state;
    }

    /** How long to wait, for {@link Kind#RATE_LIMITED}; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
