/**
 * The admin web console ({@code /console}), the top floor of Heed: server-rendered pages and htmx fragments over the
 * same use cases and {@code *Queries} as the JSON API, always with the caller's region scope. This package holds
 * what every page shares: the layout's data ({@link io.heed.console.Chrome}), flash messages, the console's error
 * surface, its CSRF check and security headers, sign-in and sign-out. Each feature's pages live in a sub-package
 * ({@code console.campaign}, {@code console.directory}, …). Nothing depends on this package.
 *
 * <p>Every action works without JavaScript: a form POST answered 303 with a flash message (post/redirect/get);
 * htmx only makes it smoother. No inline script or style: the Content-Security-Policy allows neither.
 */
package io.heed.console;
