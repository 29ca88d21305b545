package app.atrium.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

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

    /** Waits for a message to {@code address} whose subject contains {@code subject}. */
    public static Mail await(String address, String subject) {
        List<Mail> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.addAll(read(address).stream().filter(m -> m.subject().contains(subject)).toList());
            return !found.isEmpty();
        });
        return found.getLast();
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
                String text = "";
                String html = "";
                if (m.getContent() instanceof Multipart mp) {
                    for (int i = 0; i < mp.getCount(); i++) {
                        BodyPart part = mp.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = part.getContent().toString();
                        } else if (part.isMimeType("text/html")) {
                            html = part.getContent().toString();
                        } else if (part.getContent() instanceof Multipart inner) {
                            for (int j = 0; j < inner.getCount(); j++) {
                                BodyPart p = inner.getBodyPart(j);
                                if (p.isMimeType("text/plain")) {
                                    text = p.getContent().toString();
                                } else if (p.isMimeType("text/html")) {
                                    html = p.getContent().toString();
                                }
                            }
                        }
                    }
                } else {
                    text = m.getContent().toString();
                }
                out.add(new Mail(m.getSubject(), text, html));
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }
}
