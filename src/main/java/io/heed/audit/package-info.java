/**
 * The audit log: every administrative action, append-only and hash-chained (each event carries the hash of the
 * one before), so an edited, inserted or deleted row shows up as a break ({@code GET /api/v1/audit/verify}).
 *
 * <p>Owns the table {@code audit_event}. Offers {@link io.heed.audit.AuditLog#record}, which joins the caller's
 * transaction (an action and its entry commit or roll back together) and serialises writers on one advisory lock.
 * Knows only {@code platform}: every other package records here.
 */
package io.heed.audit;
