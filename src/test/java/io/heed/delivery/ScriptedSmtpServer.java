package io.heed.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server for tests that need a server to refuse: a real SMTP conversation over TCP (greeting, EHLO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT) whose RCPT replies can be scripted per address. Everything else is
 * accepted. Not a mock: Jakarta Mail talks to it exactly as to any server. With a TLS context it speaks TLS
 * from the first byte (SMTPS) or offers STARTTLS.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s*<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    /** How the server uses TLS. */
    enum Tls {
        NONE,
        /** TLS from the first byte, as on port 465. */
        SMTPS,
        /** Plain text until the client sends STARTTLS, which the server offers. */
        STARTTLS
    }

    private final ServerSocket server;
    private final Tls tls;
    private final SSLContext sslContext;
    private final List<String> deliveredOverTls = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final Map<String, Deque<String>> rcptReplies = new ConcurrentHashMap<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(int port, Tls tls, SSLContext sslContext) throws IOException {
        this.tls = tls;
        this.sslContext = sslContext;
        server = tls == Tls.SMTPS ? sslContext.getServerSocketFactory().createServerSocket() : new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedSmtpServer start(int port) throws IOException {
        return new ScriptedSmtpServer(port, Tls.NONE, null);
    }

    /** A server using TLS as {@code tls} says, with the key and certificate of {@code sslContext}. */
    static ScriptedSmtpServer start(int port, Tls tls, SSLContext sslContext) throws IOException {
        return new ScriptedSmtpServer(port, tls, sslContext);
    }

    /** The port it listens on (a free one when started with port 0). */
    int port() {
        return server.getLocalPort();
    }

    /** The next RCPT replies for this address, in order (e.g. "451 4.3.0 try later"); then "250 OK". */
    ScriptedSmtpServer replyToRcpt(String address, String... replies) {
        rcptReplies
                .computeIfAbsent(address.toLowerCase(Locale.ROOT), a -> new ArrayDeque<>())
                .addAll(List.of(replies));
        return this;
    }

    /** The envelope recipient of every message accepted, in order. */
    List<String> delivered() {
        return delivered;
    }

    /** The envelope recipients of the messages that arrived over TLS. */
    List<String> deliveredOverTls() {
        return deliveredOverTls;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread thread = new Thread(() -> converse(client), "scripted-smtp-client");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        Socket socket = client;
        try {
            boolean secure = tls == Tls.SMTPS;
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            send(out, "220 scripted.test ESMTP");
            List<String> recipients = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase(Locale.ROOT);
                Matcher rcpt = RCPT.matcher(line);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    boolean offerTls = tls == Tls.STARTTLS && !secure;
                    send(out, "250-scripted.test\r\n" + (offerTls ? "250-STARTTLS\r\n" : "") + "250 8BITMIME");
                } else if (command.equals("STARTTLS") && tls == Tls.STARTTLS && !secure) {
                    send(out, "220 2.0.0 Ready to start TLS");
                    SSLSocket upgraded = (SSLSocket) sslContext
                            .getSocketFactory()
                            .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                    upgraded.setUseClientMode(false);
                    upgraded.startHandshake();
                    socket = upgraded;
                    in = reader(socket);
                    out = socket.getOutputStream();
                    secure = true;
                    recipients.clear(); // RFC 3207: the client starts over with EHLO
                } else if (command.startsWith("MAIL FROM:")) {
                    recipients.clear();
                    send(out, "250 2.1.0 Ok");
                } else if (rcpt.matches()) {
                    String address = rcpt.group(1).toLowerCase(Locale.ROOT);
                    Deque<String> script = rcptReplies.get(address);
                    String reply = script == null ? null : script.pollFirst();
                    if (reply == null) {
                        recipients.add(address);
                        send(out, "250 2.1.5 Ok");
                    } else {
                        send(out, reply);
                    }
                } else if (command.equals("DATA")) {
                    send(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                        // the message itself is not kept: tests that read messages use GreenMail
                    }
                    delivered.addAll(recipients);
                    if (secure) {
                        deliveredOverTls.addAll(recipients);
                    }
                    send(out, "250 2.0.0 Ok: queued as " + delivered.size());
                } else if (command.equals("RSET") || command.equals("NOOP")) {
                    recipients.clear();
                    send(out, "250 2.0.0 Ok");
                } else if (command.equals("QUIT")) {
                    send(out, "221 2.0.0 Bye");
                    return;
                } else {
                    send(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away, or refused our certificate
        } finally {
            clients.remove(client);
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
