package io.heed.playbook;

/** A rendered e-mail: the subject line (plain text), the plain-text part and the HTML part. */
public record RenderedMessage(String subject, String text, String html) {}
