package app.atrium.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an RFC 5545 calendar: VCALENDAR with one VEVENT per appointment, UTC times, TEXT values
 * escaped (backslash, semicolon, comma, line breaks), content lines folded at 75 octets without
 * splitting a UTF-8 character, CRLF line ends. Small on purpose (see ADR 0019): the feed needs a
 * handful of properties, and the tests parse every feed with ical4j, the reference parser.
 */
final class IcsWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    /** One event: {@code status} is CONFIRMED, TENTATIVE or CANCELLED. */
    record Event(String uid, Instant start, Instant end, Instant stamp, long sequence, String status, String summary) {
    }

    private IcsWriter() {
    }

    static String calendar(String name, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Atrium//Front desk//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(e.uid()));
            line(out, "DTSTAMP:" + utc(e.stamp()));
            line(out, "DTSTART:" + utc(e.start()));
            line(out, "DTEND:" + utc(e.end()));
            line(out, "SEQUENCE:" + e.sequence());
            line(out, "STATUS:" + e.status());
            line(out, "SUMMARY:" + text(e.summary()));
            line(out, "TRANSP:OPAQUE");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String utc(Instant i) {
        return UTC.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A TEXT value (RFC 5545 3.3.11). */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded (RFC 5545 3.1): at most 75 octets a line, continuations start with a space. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length();) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
