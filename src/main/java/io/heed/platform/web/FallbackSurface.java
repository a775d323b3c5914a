package io.heed.platform.web;

/**
 * The surface that answers paths no other {@link ErrorSurface} covers ({@link PlainTextErrors}). Exactly one bean
 * implements it.
 */
public interface FallbackSurface extends ErrorSurface {}
