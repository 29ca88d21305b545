package app.atrium.advisor.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.shared.db.TrackedEntity;

/** A client's onboarding answers that are not part of the profile (the profile keeps skin type and the rest). */
@Entity
@Table(name = "skin_onboarding")
public class Onboarding extends TrackedEntity {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(nullable = false)
    public String concerns = "";

    @Column(nullable = false)
    public String goals = "";

    @Column(name = "current_products")
    public String currentProducts;

    /** Comma-separated ingredient ids. */
    @Column(name = "allergy_ingredient_ids", nullable = false)
    public String allergyIngredientIds = "";

    @Column(name = "allergy_notes")
    public String allergyNotes;
}
