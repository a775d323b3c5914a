/**
 * The error model of every use case: a {@link io.heed.platform.error.Refusal} of one of a few kinds (invalid
 * with field problems, not found, forbidden, conflict with the current state, too large, rate limited), free of
 * HTTP. Each surface maps it to its own representation (see {@code platform.web}).
 */
package io.heed.platform.error;
