package app.atrium.shared.mail;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import app.atrium.shared.tx.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Engine;

/**
 * Transactional emails (verification, password reset, invitations) rendered from
 * {@code templates/mail/<name>.txt} and {@code .html}, sent over SMTP once the transaction that
 * created their token has committed, never before and never for a rolled-back change. Sending is
 * asynchronous, so a slow SMTP server does not slow the request nor tell by timing whether an
 * email exists. A failed send is retried three times with backoff; after that it is logged and
 * counted ({@code atrium_mail_failures_total}) and the user can ask again (ADR 0008).
 */
@ApplicationScoped
public class Mails {

    private static final Logger LOG = Logger.getLogger(Mails.class);

    private final ReactiveMailer mailer;
    private final Engine qute;
    private final TransactionSynchronizationRegistry tx;
    private final MeterRegistry meters;

    Mails(ReactiveMailer mailer, Engine qute, TransactionSynchronizationRegistry tx, MeterRegistry meters) {
        this.mailer = mailer;
        this.qute = qute;
        this.tx = tx;
        this.meters = meters;
    }

    /**
     * A dot between two letters or digits ("evil.com", "St.Moritz"): shown as a one-dot leader
     * (U+2024), which looks the same but no mail client turns into a link.
     */
    private static final java.util.regex.Pattern DOTTED = java.util.regex.Pattern.compile(
            "(?<=[\\p{L}\\p{N}])[.\uFF0E](?=[\\p{L}\\p{N}])");

    /** Longest wait for one SMTP send before it counts as failed and is retried. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(8);

    /** Longest subject line sent; longer ones are cut with an ellipsis. */
    static final int MAX_SUBJECT = 120;

    /** Queues the email to go out after the current transaction commits. */
    public void sendAfterCommit(String to, String subject, String template, Map<String, Object> data) {
        String text = render(template + ".txt", data);
        String html = render(template + ".html", data);
        Mail mail = Mail.withText(to, oneLine(subject, MAX_SUBJECT), text).setHtml(html);
        AfterCommit.run(tx, () -> send(mail, template));
    }

    /**
     * Text that someone other than us wrote (a clinic's name, an inviter's name) made safe to put
     * in a mail: control characters and line breaks become spaces (no header or line injection),
     * runs of spaces collapse, dotted names stop looking like links to mail clients, and it is cut
     * to {@code max} characters.
     */
    public static String oneLine(String untrusted, int max) {
        if (untrusted == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(untrusted.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < untrusted.length() && sb.length() <= max; i++) {
            char c = untrusted.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (blank) {
                if (!space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        String out = DOTTED.matcher(sb.toString().strip()).replaceAll("\u2024");
        return out.length() > max ? out.substring(0, max - 1).strip() + "…" : out;
    }

    private void send(Mail mail, String template) {
        mailer.send(mail)
                // A send that hangs (a half-open pooled connection, a server that stopped answering)
                // fails after SEND_TIMEOUT and is retried on another connection.
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .onFailure().invoke(e -> LOG.infof("Sending the %s email failed (%s); retrying", template, e.toString()))
                // A pooled connection the server has dropped, a greylisting 4xx: try again shortly.
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(3)
                .subscribe().with(
                        ok -> meters.counter("atrium_mail_sent_total", "template", template).increment(),
                        failure -> {
                            meters.counter("atrium_mail_failures_total", "template", template).increment();
                            LOG.warnf("Could not send the %s email: %s", template, failure.getMessage());
                        });
    }

    private String render(String name, Map<String, Object> data) {
        var template = qute.getTemplate("mail/" + name);
        if (template == null) {
            throw new IllegalStateException("Missing mail template " + name);
        }
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }
}
