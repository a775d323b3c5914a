/**
 * The one way Heed writes SQL that Panache does not: {@link io.heed.platform.database.NamedSql} statements with
 * named parameters (in constants, or in commented {@code .sql} resources of the owning package), run through
 * {@link io.heed.platform.database.Database} on the caller's transaction or on a consistent read-only snapshot,
 * read through {@link io.heed.platform.database.Row}, with every {@code SQLException} translated once into
 * {@link io.heed.platform.database.DatabaseException}. Raw JDBC ({@code Sql.connection()}) is for {@code COPY} and
 * statements with several results only. See docs/architecture.md, "Persistence".
 */
package io.heed.platform.database;
