/**
 * The directory import from a CSV file ({@code POST /api/v1/employees/import}): RFC 4180 reading with line
 * numbers ({@code EmployeeCsv}), the size limit ({@code heed.directory.import.max-size}), and the use case that
 * streams the file's checked rows into the directory's one writer. Owns no table; knows the directory only
 * through {@link io.heed.directory.EmployeeDirectoryWriter} and {@link io.heed.directory.EmployeeSource}, and
 * nothing uses it.
 */
package io.heed.directory.csv;
