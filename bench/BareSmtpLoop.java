import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/**
 * The floor for bench/dispatch.sh: a bare Jakarta Mail loop over one reused SMTP connection, sending messages
 * shaped like Heed's (multipart/alternative, UTF-8 text and HTML, encoded subject, fixed Message-ID), with no
 * database, no outbox and no rendering. Run with Heed's own classpath:
 *
 *   java -cp 'target/quarkus-app/lib/main/*' bench/BareSmtpLoop.java HOST PORT COUNT
 *
 * Prints one line: "bare COUNT messages in SECONDS s: RATE msg/s".
 */
public class BareSmtpLoop {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        // The same setting Heed makes at start-up (delivery.SmtpSender): skips a ServiceLoader scan per multipart.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", host);
        props.setProperty("mail.smtp.port", Integer.toString(port));
        props.setProperty("mail.smtp.connectiontimeout", "10000");
        props.setProperty("mail.smtp.timeout", "30000");
        props.setProperty("mail.smtp.writetimeout", "30000");
        props.setProperty("mail.smtp.quitwait", "false");
        Session session = Session.getInstance(props);
        InternetAddress from = new InternetAddress("Heed <heed@heed.local>");
        String text = "This is a delivery check from Heed.\n\nbench asked Heed to send it, to confirm that Heed's"
                + " SMTP settings work. If you are reading it,\nthey do: nothing else to do.\n\nMessage-ID: %s\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<body style=\"font-family: sans-serif;\">\n<p>This is a"
                + " delivery check from Heed.</p>\n<p>bench asked Heed to send it, to confirm that Heed's SMTP"
                + " settings work. If you are reading it, they do: nothing else to do.</p>\n<p style=\"color: #666;"
                + " font-size: small;\">Message-ID: %s</p>\n</body>\n</html>\n";

        Transport transport = session.getTransport("smtp");
        transport.connect();
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            String messageId = "<" + UUID.randomUUID() + "@heed.local>";
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("bench" + i + "@example.com"));
            message.setSubject("Heed delivery check", "UTF-8");
            message.setSentDate(new Date());
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text.formatted(messageId), "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html.formatted(messageId), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlPart);
            message.setContent(alternative);
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        transport.close();
        System.out.printf("bare %d messages in %.3f s: %.0f msg/s%n", count, seconds, count / seconds);
    }
}
