/**
 * The directory import from a CSV file ({@code POST /api/v1/employees/import}): RFC 4180 reading with line
 * numbers ({@code EmployeeCsv}), the size limit ({@code heed.directory.import.max-size}), and the use case that
 * streams the file's checked rows into the directory's one writer. Knows the directory only through {@link
 * io.heed.directory.EmployeeDirectoryWriter} and {@link io.heed.directory.EmployeeSource}.
 *
 * <p>Owns the table {@code directory_upload}: files uploaded in the console, kept until applied. Offers the
 * console {@link io.heed.directory.csv.DirectoryUploads} (upload, dry run, apply, in the background).
 */
package io.heed.directory.csv;
