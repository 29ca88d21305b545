package app.atrium.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.awaitility.Awaitility;

/**
 * Reads what the application sent to the GreenMail SMTP server (started by InfraResource) over
 * IMAP, as a mail client would: one mailbox per recipient address.
 */
public final class Mailbox {

    static final String IMAP_PORT_PROPERTY = "atrium.test.imap-port";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    /** One received email: its subject and both bodies. */
    public record Mail(String subject, String text, String html) {

        /** The token of the first link in the text body. */
        public String token() {
            Matcher m = TOKEN.matcher(text);
            if (!m.find()) {
                throw new AssertionError("No token link in: " + text);
            }
            return m.group(1);
        }
    }

    private Mailbox() {
    }

    /**
     * Waits for a message to {@code address} whose subject contains {@code subject}. Addresses are
     * case-insensitive, GreenMail's mailbox names are not: both spellings are read.
     */
    public static Mail await(String address, String subject) {
        List<Mail> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            for (String box : new java.util.LinkedHashSet<>(List.of(address, address.toLowerCase(java.util.Locale.ROOT)))) {
                found.addAll(read(box).stream().filter(m -> m.subject().contains(subject)).toList());
            }
            return !found.isEmpty();
        });
        return found.getLast();
    }

    /**
     * Decodes parts from their raw bytes: the validator's old javax.mail on the test classpath
     * registers content handlers that break Jakarta Mail's getContent().
     */
    private static void collect(String contentType, String encoding, byte[] raw, Map<String, String> into)
            throws Exception {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(raw, contentType));
            for (int i = 0; i < mp.getCount(); i++) {
                MimeBodyPart part = (MimeBodyPart) mp.getBodyPart(i);
                collect(part.getContentType(), part.getEncoding(), part.getRawInputStream().readAllBytes(), into);
            }
            return;
        }
        byte[] decoded = encoding == null ? raw
                : MimeUtility.decode(new java.io.ByteArrayInputStream(raw), encoding).readAllBytes();
        String charset = new ContentType(contentType).getParameter("charset");
        into.put(type.split(";")[0].trim(), new String(decoded, charset == null ? "UTF-8" : charset));
    }

    public static List<Mail> read(String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", System.getProperty(IMAP_PORT_PROPERTY));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                MimeMessage mime = (MimeMessage) m;
                Map<String, String> bodies = new HashMap<>();
                collect(mime.getContentType(), mime.getEncoding(), mime.getRawInputStream().readAllBytes(), bodies);
                out.add(new Mail(m.getSubject(), bodies.getOrDefault("text/plain", ""),
                        bodies.getOrDefault("text/html", "")));
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }
}
