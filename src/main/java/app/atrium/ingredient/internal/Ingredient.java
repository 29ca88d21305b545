package app.atrium.ingredient.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.shared.db.TrackedEntity;

/** A cosmetic ingredient of the shared database (not a tenant's): facts the advisor reasons over. */
@Entity
@Table(name = "ingredients")
public class Ingredient extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "inci_name", nullable = false)
    public String inciName;

    @Column(name = "common_name", nullable = false)
    public String commonName;

    @Column(name = "ingredient_class")
    public String ingredientClass;

    /** Comma-separated {@link IngredientFunction} codes. */
    @Column(nullable = false)
    public String functions = "";

    /** Comma-separated {@link app.atrium.analysis.SkinConcern} codes it targets. */
    @Column(nullable = false)
    public String concerns = "";

    /** Comma-separated {@link IngredientCaution} codes. */
    @Column(nullable = false)
    public String cautions = "";

    @Column(name = "caution_note")
    public String cautionNote;

    @Column(name = "comedogenic_rating")
    public Short comedogenicRating;

    /** Comma-separated {@link IngredientClass} codes not to layer with it. */
    @Column(name = "incompatible_with", nullable = false)
    public String incompatibleWith = "";

    static boolean inciTaken(String inci, UUID except) {
        return count("lower(inciName) = lower(?1) and id <> ?2", inci, except == null ? new UUID(0, 0) : except) > 0;
    }
}
