/**
 * Who may do what: the accounts of the people who run Heed (HTTP Basic, bcrypt), API tokens for machine clients
 * (bearer, stored as SHA-256), the three roles, the first admin of a fresh installation, and the personal links
 * of employees.
 *
 * <p>Owns the tables {@code admin_account}, {@code api_token} and {@code link_key} (the link signing key kept in
 * the database when none is configured). Use cases: {@code CreateAccount}, {@code ChangePassword},
 * {@code DeactivateAccount}, {@code IssueApiToken}, {@code RevokeApiToken}; reads: {@code AccountQueries},
 * {@code ApiTokenQueries}.
 *
 * <p>Offers {@link io.heed.security.Role} (the names for {@code @RolesAllowed}), {@link io.heed.security.CurrentUser}
 * and {@link io.heed.security.RegionScope} (the one place region scoping is decided), and
 * {@link io.heed.security.LinkTokens} (the one place personal links are made, checked and addressed, and the keys
 * derived from the link key for other purposes). The JSON 401 with its challenges covers {@code /api/**} only
 * ({@code AuthFailureResponses}).
 */
package io.heed.security;
