/**
 * The employee directory: who works here, in which region and department, with their manager, language and time
 * zone. Employees are never deleted; leavers become inactive.
 *
 * <p>Owns the table {@code employee}. Its one writer is {@link io.heed.directory.EmployeeDirectoryWriter}: every
 * source of employees (the CSV import in {@code directory.csv} today; SCIM and LDAP later) hands it records through
 * an {@link io.heed.directory.EmployeeSource}, checked by {@link io.heed.directory.EmployeeFieldRules}; it applies
 * them set-based ({@code COPY} into a staging table, then named SQL), in one transaction, under one advisory lock.
 *
 * <p>Offers {@link io.heed.directory.Employee} (the entity campaign and compliance read), the writer and its
 * record types, and the directory API's reads ({@code EmployeeQueries}, always in the caller's region scope).
 */
package io.heed.directory;
