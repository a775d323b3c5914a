/**
 * The console's playbook pages ({@code /console/playbooks}): the catalogue, a version's steps, deadlines and
 * e-mails rendered per language, a new version edited in the browser with a live preview (saved through
 * {@code playbook.AddPlaybookVersion}, the API's use case), and a draft proposed from an advisory's text
 * ({@code playbook.DraftFromAdvisory}); a version downloaded as a ZIP of its folder and uploaded as files
 * ({@code PlaybookFilesController}, through {@code playbook.AddPlaybookVersion.fromUpload}). Owns no table.
 */
package io.heed.console.playbooks;
