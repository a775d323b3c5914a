package io.heed.delivery;

public record ComposedMail(String toName, String subject, String text, String html) {}
