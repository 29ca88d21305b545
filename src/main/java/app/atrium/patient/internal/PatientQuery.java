package app.atrium.patient.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import app.atrium.shared.paging.Sort;
import app.atrium.shared.paging.SortCursor;
import io.quarkus.panache.common.Parameters;

/**
 * One page of the patient list: search, sort and keyset position.
 * <ul>
 * <li>Search: every word must occur in the name, or (callers who may see contact details) in the
 * email or mobile number: "jon smi" finds Jonathan Smith. A search of digits and phone punctuation
 * only ("0151 1234") is one phone fragment, without leading zeros, matched in the E.164 number.
 * Matching is {@code like '%word%'} on generated columns with trigram indexes (V7).</li>
 * <li>Order: {@code lastName} sorts by last then first name, {@code createdAt} by the time-ordered
 * id; the id breaks ties, so the keyset (sort key, id) is unique and pages neither skip nor repeat
 * rows while others are inserted.</li>
 * </ul>
 */
public record PatientQuery(List<String> nameWords, Optional<String> phoneDigits, boolean namesOnly, Sort sort,
        Optional<SortCursor> after, int limit) {

    public static final List<String> SORTS = List.of("lastName", "createdAt");
    public static final Sort DEFAULT_SORT = new Sort("lastName", false);
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()./\\s-]+");
    private static final int MAX_WORDS = 6;

    /** Parses {@code ?search=}: words, or one phone fragment. */
    public static PatientQuery of(Optional<String> search, boolean namesOnly, Sort sort, Optional<SortCursor> after,
            int limit) {
        List<String> words = new ArrayList<>();
        Optional<String> digits = Optional.empty();
        if (search.isPresent()) {
            String s = search.get().trim();
            if (PHONE_LIKE.matcher(s).matches() && s.chars().anyMatch(Character::isDigit)) {
                digits = Optional.of(s.replaceAll("\\D", "").replaceFirst("^0+", "")).filter(d -> !d.isEmpty());
            } else {
                Arrays.stream(s.toLowerCase(Locale.ROOT).split("\\s+"))
                        .map(w -> w.replace("%", "").replace("_", "").replace("\\", ""))
                        .filter(w -> !w.isEmpty()).limit(MAX_WORDS).forEach(words::add);
            }
        }
        return new PatientQuery(List.copyOf(words), digits, namesOnly, sort, after, limit);
    }

    /** True when the search can match nothing for this caller (a phone search without contact access). */
    public boolean matchesNothing() {
        return namesOnly && phoneDigits.isPresent();
    }

    int fetchSize() {
        return limit + 1;
    }

    String hql(Parameters p) {
        StringBuilder q = new StringBuilder("1 = 1");
        for (int i = 0; i < nameWords.size(); i++) {
            String param = "w" + i;
            q.append(namesOnly ? " and nameText like :" + param
                    : " and (nameText like :" + param + " or contactText like :" + param + ")");
            p.and(param, "%" + nameWords.get(i) + "%");
        }
        phoneDigits.ifPresent(d -> {
            q.append(" and contactText like :phone");
            p.and("phone", "%" + d + "%");
        });
        String dir = sort.descending() ? "desc" : "asc";
        String cmp = sort.descending() ? "<" : ">";
        if (sort.field().equals("lastName")) {
            after.ifPresent(c -> {
                q.append(" and (sortName ").append(cmp).append(" :key or (sortName = :key and id ").append(cmp)
                        .append(" :after))");
                p.and("key", c.key()).and("after", c.id());
            });
            q.append(" order by sortName ").append(dir).append(", id ").append(dir);
        } else {
            after.ifPresent(c -> {
                q.append(" and id ").append(cmp).append(" :after");
                p.and("after", c.id());
            });
            q.append(" order by id ").append(dir);
        }
        return q.toString();
    }

    /** The cursor that continues after {@code last}. */
    SortCursor cursorAfter(Patient last) {
        return new SortCursor(sort.value(), sort.field().equals("lastName") ? last.sortName : null, last.id);
    }
}
