package app.atrium.advisor.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.atrium.analysis.AnalysisDirectory;
import app.atrium.analysis.SkinConcern;
import app.atrium.ingredient.IngredientView;

/**
 * Advisor v1: deterministic, explained rules (docs/advisor.md) from the measured metrics, the stated
 * concerns and goals, and the profile (skin type, sensitive, pregnant, allergies) to ingredients of the
 * database, each with its reason; cautions and conflicts; an AM/PM routine; when to see a
 * dermatologist. Never a diagnosis. Pure: the same inputs give the same advice.
 */
public final class AdvisorEngine {

    public static final String VERSION = "advisor-v1";
    /** Most recommendations in one piece of advice. */
    static final int MAX_RECOMMENDATIONS = 6;
    static final int PER_CONCERN = 2;

    /** Preferred ingredients per concern (INCI names), in order; the rest of the database follows. */
    static final Map<SkinConcern, List<String>> PREFERRED = new EnumMap<>(Map.of(
            SkinConcern.ACNE, List.of("Salicylic Acid", "Niacinamide", "Azelaic Acid", "Benzoyl Peroxide", "Adapalene",
                    "Zinc PCA"),
            SkinConcern.REDNESS, List.of("Azelaic Acid", "Niacinamide", "Centella Asiatica Extract", "Panthenol",
                    "Bisabolol"),
            SkinConcern.PIGMENTATION, List.of("Ascorbic Acid", "Niacinamide", "Azelaic Acid", "Tranexamic Acid",
                    "Alpha-Arbutin", "Retinol"),
            SkinConcern.DRYNESS, List.of("Glycerin", "Sodium Hyaluronate", "Ceramide NP", "Squalane", "Panthenol"),
            SkinConcern.OILINESS, List.of("Niacinamide", "Salicylic Acid", "Zinc PCA", "Kaolin"),
            SkinConcern.WRINKLES, List.of("Retinol", "Bakuchiol", "Palmitoyl Pentapeptide-4", "Ascorbic Acid"),
            SkinConcern.PORES, List.of("Salicylic Acid", "Niacinamide", "Retinol"),
            SkinConcern.SENSITIVITY, List.of("Centella Asiatica Extract", "Panthenol", "Ceramide NP", "Allantoin")));

    /** Classes used at night (they irritate or the sun degrades them). */
    static final Set<String> NIGHT = Set.of("RETINOID", "AHA", "BHA", "PHA");
    static final Set<String> ACIDS = Set.of("AHA", "BHA");

    /** Everything the advisor reasons over. */
    public record Input(String skinType, boolean sensitiveSkin, boolean pregnant, Set<UUID> allergies,
            List<SkinConcern> statedConcerns, List<SkinGoal> goals, Optional<AnalysisDirectory.Summary> analysis,
            Optional<AnalysisDirectory.Summary> previous, String question) {
    }

    /** Why a concern is in play: a metric (and its value) or what the client said. */
    record Driver(SkinConcern concern, Advice.Basis basis, String metric, Integer value, double confidence,
            String why) {
    }

    public Advice advise(Input in, List<IngredientView> catalog) {
        Map<SkinConcern, Driver> drivers = drivers(in);
        Map<String, IngredientView> byName = new LinkedHashMap<>();
        catalog.forEach(i -> byName.put(i.inciName().toLowerCase(Locale.ROOT), i));
        Set<String> allergyClasses = new LinkedHashSet<>();
        catalog.stream().filter(i -> in.allergies().contains(i.id()) && i.ingredientClass() != null)
                .forEach(i -> allergyClasses.add(i.ingredientClass()));

        Map<UUID, Advice.Avoided> avoided = new LinkedHashMap<>();
        Map<UUID, Advice.Recommendation> chosen = new LinkedHashMap<>();
        List<Driver> ordered = drivers.values().stream()
                .sorted(java.util.Comparator.comparingDouble(Driver::confidence).reversed()
                        .thenComparing(d -> d.concern().ordinal()))
                .toList();
        for (Driver d : ordered) {
            List<IngredientView> candidates = new ArrayList<>();
            PREFERRED.getOrDefault(d.concern(), List.of()).forEach(n -> Optional.ofNullable(byName.get(n.toLowerCase(
                    Locale.ROOT))).ifPresent(candidates::add));
            catalog.stream().filter(i -> i.concerns().contains(d.concern()) && !candidates.contains(i)
                    && !i.functions().contains("FRAGRANCE") && !i.caution("ALLERGEN")).forEach(candidates::add);
            int taken = 0;
            for (IngredientView i : candidates) {
                if (taken >= PER_CONCERN) {
                    break;
                }
                String excluded = exclusion(i, in, allergyClasses);
                if (excluded != null) {
                    avoided.putIfAbsent(i.id(), new Advice.Avoided(i.id(), i.inciName(), excluded));
                    continue;
                }
                Advice.Recommendation existing = chosen.get(i.id());
                if (existing != null) {
                    List<SkinConcern> concerns = new ArrayList<>(existing.concerns());
                    concerns.add(d.concern());
                    chosen.put(i.id(), new Advice.Recommendation(existing.ingredientId(), existing.inciName(),
                            existing.commonName(), concerns, existing.basis(), existing.metric(), existing.metricValue(),
                            existing.reason() + "; it also helps " + words(d.concern()), existing.confidence()));
                    taken++;
                    continue;
                }
                if (chosen.size() >= MAX_RECOMMENDATIONS) {
                    break;
                }
                chosen.put(i.id(), new Advice.Recommendation(i.id(), i.inciName(), i.commonName(),
                        List.of(d.concern()), d.basis(), d.metric(), d.value(), d.why() + ": " + i.commonName()
                                + " targets " + words(d.concern()),
                        d.confidence()));
                taken++;
            }
        }
        List<Advice.Recommendation> recs = List.copyOf(chosen.values());
        Map<UUID, IngredientView> picked = new LinkedHashMap<>();
        recs.forEach(r -> picked.put(r.ingredientId(), catalog.stream().filter(i -> i.id().equals(r.ingredientId()))
                .findFirst().orElseThrow()));

        List<Advice.Caution> cautions = new ArrayList<>();
        cautionsFromExclusions(in, avoided, catalog, cautions);
        List<IngredientView> list = List.copyOf(picked.values());
        for (int a = 0; a < list.size(); a++) {
            for (int b = a + 1; b < list.size(); b++) {
                IngredientView x = list.get(a);
                IngredientView y = list.get(b);
                boolean clash = (x.ingredientClass() != null && y.incompatibleWith().contains(x.ingredientClass()))
                        || (y.ingredientClass() != null && x.incompatibleWith().contains(y.ingredientClass()));
                if (clash) {
                    cautions.add(new Advice.Caution("DO_NOT_LAYER", "Do not layer " + x.commonName() + " with "
                            + y.commonName() + ": use them at different times of day, or on different nights",
                            List.of(x.id(), y.id())));
                }
                if (x.ingredientClass() != null && y.ingredientClass() != null && ACIDS.contains(x.ingredientClass())
                        && ACIDS.contains(y.ingredientClass())) {
                    cautions.add(new Advice.Caution("STRONG_ACIDS", "Two exfoliating acids together irritate: "
                            + "alternate " + x.commonName() + " and " + y.commonName() + " on different nights",
                            List.of(x.id(), y.id())));
                }
            }
        }
        List<UUID> sunSensitive = list.stream().filter(i -> i.caution("PHOTOSENSITIVITY")).map(IngredientView::id)
                .toList();
        if (!sunSensitive.isEmpty()) {
            cautions.add(new Advice.Caution("PHOTOSENSITIVITY", "Some of these make your skin more sensitive to the "
                    + "sun: use SPF 30 or higher every morning, and start every other night", sunSensitive));
        }
        Advice.Routine routine = routine(in, list, byName);
        Advice.Referral referral = referral(in);
        String questionNote = in.question() == null || in.question().isBlank() ? null
                : "The advisor does not interpret free text yet: your question is kept with this session; a "
                        + "consultation with a clinic can answer it (POST /api/v1/me/consultations)";
        return new Advice(VERSION, recs, cautions, List.copyOf(avoided.values()), routine, referral, questionNote,
                "Cosmetic guidance from your photos and what you told us, not a diagnosis. Have a dermatologist "
                        + "look at any spot that changes in size, shape or colour.");
    }

    /** The concerns in play, strongest first: measured ones carry the metric, stated ones what was said. */
    static Map<SkinConcern, Driver> drivers(Input in) {
        Map<SkinConcern, Driver> out = new LinkedHashMap<>();
        in.analysis().ifPresent(a -> {
            measured(out, SkinConcern.REDNESS, "redness", a.redness(), a.redness() >= 35);
            if (a.darkSpots() >= 35 || a.toneEvenness() <= 65) {
                boolean spots = a.darkSpots() >= 100 - a.toneEvenness();
                measured(out, SkinConcern.PIGMENTATION, spots ? "darkSpots" : "toneEvenness",
                        spots ? a.darkSpots() : a.toneEvenness(), true);
            }
            measured(out, SkinConcern.PORES, "texture", a.texture(), a.texture() >= 50);
            measured(out, SkinConcern.OILINESS, "shine", a.shine(), a.shine() >= 35);
        });
        for (SkinConcern c : in.statedConcerns()) {
            out.putIfAbsent(c, new Driver(c, Advice.Basis.CONCERN, null, null, 0.6, "You said " + words(c)
                    + " concerns you"));
        }
        for (SkinGoal g : in.goals()) {
            out.putIfAbsent(g.concern(), new Driver(g.concern(), Advice.Basis.CONCERN, null, null, 0.5,
                    "Your goal is " + g.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        if (in.skinType() != null) {
            SkinConcern fromType = switch (in.skinType()) {
                case "DRY" -> SkinConcern.DRYNESS;
                case "OILY" -> SkinConcern.OILINESS;
                case "SENSITIVE" -> SkinConcern.SENSITIVITY;
                default -> null;
            };
            if (fromType != null) {
                out.putIfAbsent(fromType, new Driver(fromType, Advice.Basis.CONCERN, null, null, 0.5,
                        "You said your skin is " + in.skinType().toLowerCase(Locale.ROOT)));
            }
        }
        if (in.sensitiveSkin()) {
            out.putIfAbsent(SkinConcern.SENSITIVITY, new Driver(SkinConcern.SENSITIVITY, Advice.Basis.CONCERN, null,
                    null, 0.5, "You said your skin is sensitive"));
        }
        return out;
    }

    private static void measured(Map<SkinConcern, Driver> out, SkinConcern c, String metric, int value, boolean on) {
        if (on) {
            double confidence = Math.min(0.95, 0.5 + value / 200.0);
            if (metric.equals("toneEvenness")) {
                confidence = Math.min(0.95, 0.5 + (100 - value) / 200.0);
            }
            out.put(c, new Driver(c, Advice.Basis.METRIC, metric, value, Math.round(confidence * 100) / 100.0,
                    "Your analysis measured " + metric + " at " + value + " of 100"));
        }
    }

    /** Why the client should not use {@code i}, or null. */
    static String exclusion(IngredientView i, Input in, Set<String> allergyClasses) {
        if (in.allergies().contains(i.id())) {
            return "you are allergic to it";
        }
        if (i.ingredientClass() != null && allergyClasses.contains(i.ingredientClass())) {
            return "it is of the same family (" + i.ingredientClass() + ") as an ingredient you are allergic to";
        }
        if (in.pregnant() && i.caution("PREGNANCY")) {
            return "it is avoided during pregnancy" + (i.cautionNote() == null ? "" : " (" + i.cautionNote() + ")");
        }
        if (in.sensitiveSkin() && i.caution("SENSITIVE_SKIN")) {
            return "it may irritate sensitive skin";
        }
        return null;
    }

    private static void cautionsFromExclusions(Input in, Map<UUID, Advice.Avoided> avoided, List<IngredientView> catalog,
            List<Advice.Caution> cautions) {
        List<UUID> pregnancy = new ArrayList<>();
        List<UUID> allergy = new ArrayList<>();
        List<UUID> sensitive = new ArrayList<>();
        for (Advice.Avoided a : avoided.values()) {
            if (a.reason().startsWith("it is avoided during pregnancy")) {
                pregnancy.add(a.ingredientId());
            } else if (a.reason().contains("allergic")) {
                allergy.add(a.ingredientId());
            } else {
                sensitive.add(a.ingredientId());
            }
        }
        if (in.pregnant()) {
            List<UUID> retinoids = catalog.stream().filter(i -> "RETINOID".equals(i.ingredientClass()))
                    .map(IngredientView::id).toList();
            cautions.add(new Advice.Caution("PREGNANCY", "Because you are pregnant, retinoids and other actives avoided "
                    + "in pregnancy are left out; ask your doctor or midwife before starting anything new",
                    pregnancy.isEmpty() ? retinoids : pregnancy));
        }
        if (!allergy.isEmpty()) {
            cautions.add(new Advice.Caution("ALLERGY", "Left out because of your allergies: check every product's "
                    + "ingredient list for them", allergy));
        }
        if (!sensitive.isEmpty()) {
            cautions.add(new Advice.Caution("SENSITIVE_SKIN", "Left out because they may irritate sensitive skin; "
                    + "patch-test anything new on your inner arm first", sensitive));
        }
    }

    private static Advice.Routine routine(Input in, List<IngredientView> picked, Map<String, IngredientView> byName) {
        List<IngredientView> am = new ArrayList<>();
        List<IngredientView> pm = new ArrayList<>();
        for (IngredientView i : picked) {
            boolean vitaminC = "VITAMIN_C".equals(i.ingredientClass());
            boolean night = i.ingredientClass() != null && NIGHT.contains(i.ingredientClass());
            if (night || (!vitaminC && i.caution("PHOTOSENSITIVITY"))) {
                pm.add(i);
            } else if (!vitaminC && am.stream().anyMatch(p -> clash(p, i))) {
                pm.add(i);
            } else {
                am.add(i);
            }
        }
        List<Advice.Step> morning = new ArrayList<>();
        List<Advice.Step> night = new ArrayList<>();
        morning.add(new Advice.Step(1, "CLEANSER", null, cleanser(in), null));
        night.add(new Advice.Step(1, "CLEANSER", null, cleanser(in), null));
        for (IngredientView i : am) {
            morning.add(new Advice.Step(morning.size() + 1, "SERUM", i.id(), "A serum with " + i.commonName(), null));
        }
        List<IngredientView> placed = new ArrayList<>();
        for (IngredientView i : pm) {
            String note = placed.stream().filter(p -> clash(p, i) || bothAcids(p, i)).findFirst()
                    .map(p -> "On the nights you do not use " + p.commonName()).orElse(null);
            if (note == null && i.caution("PHOTOSENSITIVITY")) {
                note = "Start every other night";
            }
            night.add(new Advice.Step(night.size() + 1, "TREATMENT", i.id(), "A product with " + i.commonName(), note));
            placed.add(i);
        }
        morning.add(new Advice.Step(morning.size() + 1, "MOISTURISER", null, moisturiser(in), null));
        night.add(new Advice.Step(night.size() + 1, "MOISTURISER", null, moisturiser(in), null));
        IngredientView zinc = byName.get("zinc oxide");
        boolean mineral = (in.sensitiveSkin() || in.pregnant()) && zinc != null && !in.allergies().contains(zinc.id());
        morning.add(new Advice.Step(morning.size() + 1, "SPF", mineral ? zinc.id() : null, mineral
                ? "A mineral (zinc oxide) sunscreen, SPF 30 or higher"
                : "A broad-spectrum sunscreen, SPF 30 or higher", "Every morning, also when cloudy"));
        return new Advice.Routine(morning, night);
    }

    private static boolean clash(IngredientView x, IngredientView y) {
        return (x.ingredientClass() != null && y.incompatibleWith().contains(x.ingredientClass()))
                || (y.ingredientClass() != null && x.incompatibleWith().contains(y.ingredientClass()));
    }

    private static boolean bothAcids(IngredientView x, IngredientView y) {
        return x.ingredientClass() != null && y.ingredientClass() != null && ACIDS.contains(x.ingredientClass())
                && ACIDS.contains(y.ingredientClass());
    }

    private static String cleanser(Input in) {
        return "OILY".equals(in.skinType()) ? "A gentle foaming cleanser" : "A gentle, fragrance-free cream or gel cleanser";
    }

    private static String moisturiser(Input in) {
        return switch (in.skinType() == null ? "" : in.skinType()) {
            case "DRY" -> "A rich moisturiser with ceramides";
            case "OILY" -> "A light, non-comedogenic gel moisturiser";
            default -> "A fragrance-free moisturiser";
        };
    }

    /** When a dermatologist should look: many or growing dark spots, marked redness. */
    static Advice.Referral referral(Input in) {
        List<String> reasons = new ArrayList<>();
        in.analysis().ifPresent(a -> {
            if (a.darkSpotCount() >= 15) {
                reasons.add("Your analysis found " + a.darkSpotCount() + " dark spots: have a dermatologist check them");
            }
            in.previous().ifPresent(p -> {
                if (a.darkSpotCount() >= p.darkSpotCount() + 3 || a.darkSpots() >= p.darkSpots() + 10) {
                    reasons.add("Your dark spots grew from " + p.darkSpotCount() + " to " + a.darkSpotCount()
                            + " between your analyses of " + p.queuedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                            + " and " + a.queuedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                            + ": new or growing spots should be seen by a dermatologist");
                }
            });
            if (a.redness() >= 70) {
                reasons.add("Your analysis measured marked redness (" + a.redness() + " of 100): if it persists, a "
                        + "dermatologist can tell rosacea or irritation apart");
            }
        });
        return new Advice.Referral(!reasons.isEmpty(), reasons);
    }

    private static String words(SkinConcern c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
