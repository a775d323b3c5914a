/**
 * Playbooks: what a campaign asks employees to do (steps, per-language text, the e-mail templates), in immutable,
 * numbered versions. Versions come from the folder {@code heed.playbooks.dir} at start-up
 * ({@code LoadPlaybookFolder}: a changed folder becomes a new version), from uploaded files (a ZIP of the folder or
 * the files themselves, read by the folder's own reader {@code PlaybookFiles}; ZIP bounds in
 * {@code PlaybookArchive}) or from the API, after the same checks
 * ({@code PlaybookValidator}, then compiling the templates), numbered under one advisory lock
 * ({@code AddPlaybookVersion}).
 *
 * <p>Owns the table {@code playbook_version}. Offers {@link io.heed.playbook.PlaybookCatalogue} (versions by key
 * and id, a version's text in a reader's language as a {@link io.heed.playbook.LocalizedPlaybook}, and its e-mails
 * rendered from one {@link io.heed.playbook.MailRequest}), the {@link io.heed.playbook.PlaybookVersion} entity
 * campaigns pin at launch, {@link io.heed.playbook.MessageKind}, {@link io.heed.playbook.AddPlaybookVersion}
 * ({@code fromApi}, {@code fromUpload}, {@code fromZip}, {@code preview}) and
 * {@link io.heed.playbook.PlaybookQueries} (including a version's folder as a ZIP, {@code archive}).
 */
package io.heed.playbook;
