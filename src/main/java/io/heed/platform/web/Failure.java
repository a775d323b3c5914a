package io.heed.platform.web;

import io.heed.platform.error.Refusal;

/** What went wrong with a request, as every surface is asked to show it. */
public sealed interface Failure {

    /** A use case (or the request's own form) refused it. */
    record Refused(Refusal refusal) implements Failure {}

    /** The HTTP layer refused it: no such resource (404), method (405), media type (406, 415), or the like. */
    record Status(int status, String reason) implements Failure {}

    /** No credentials, or wrong ones. */
    record Unauthenticated() implements Failure {}

    /** Signed in, but the role does not allow it. */
    record Denied() implements Failure {}

    /** The database cannot be reached at the moment; the request may be repeated later. */
    record Unavailable(String reason) implements Failure {}

    /** A fault of Heed's: the log has the stack trace under {@code incident}; the reader gets only the id. */
    record Unexpected(String incident) implements Failure {}
}
