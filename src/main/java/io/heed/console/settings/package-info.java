/**
 * The console's settings page ({@code /console/settings}, administrators): the SMTP relay as configured (read
 * only, its password never shown) with its live delivery status and "send a check message", the links' base URL,
 * Heed's version and health, and the built-in mailbox when the catcher runs.
 */
package io.heed.console.settings;
