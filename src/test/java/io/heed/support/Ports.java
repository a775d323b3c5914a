package io.heed.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free TCP ports for servers a test starts. */
public final class Ports {

    private Ports() {}

    /** A port free right now (the OS picks it); a server that binds it soon after will normally get it. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One free port per {@code key} for the whole JVM. Quarkus (since 3.34) builds a test profile in another
     * class loader than the one its tests run in, so a {@code static final} port picked in the profile class is
     * picked twice, and the application would talk to one port while the test listens on another. The system
     * properties are the one place every class loader shares.
     */
    public static int freeShared(String key) {
        synchronized (System.getProperties()) {
            String port = System.getProperty(key);
            if (port == null) {
                port = Integer.toString(free());
                System.setProperty(key, port);
            }
            return Integer.parseInt(port);
        }
    }
}
