package io.heed.acknowledgement;

/**
 * What the acknowledgement flow needs to know of an HTTP request, taken from it by the resource. {@code address}
 * is the client address as the HTTP layer sees it (the proxy's, unless {@code quarkus.http.proxy.*} trusts
 * forwarded headers); it is only ever stored hashed.
 */
record ClientRequest(String method, String address, String userAgent, String acceptLanguage, String purpose) {

    static final int MAX_USER_AGENT = 512;

    /** The User-Agent as stored: at most 512 characters, no control characters. */
    String storedUserAgent() {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String cleaned = userAgent.replaceAll("\\p{Cntrl}", " ");
        return cleaned.length() > MAX_USER_AGENT ? cleaned.substring(0, MAX_USER_AGENT) : cleaned;
    }
}
