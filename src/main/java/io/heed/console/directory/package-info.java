/**
 * The console's directory pages ({@code /console/directory}): the employees, paged, searched and filtered on the
 * server, with region headcounts; one employee with every campaign that asked them; the CSV import as upload →
 * dry run → apply, over {@code directory.csv}'s {@code DirectoryUploads}. Reads through {@code EmployeeQueries}
 * and {@code EmployeeComplianceQueries}, always in the caller's region scope. Owns no table.
 */
package io.heed.console.directory;
