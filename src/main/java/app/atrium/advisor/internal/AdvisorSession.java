package app.atrium.advisor.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.shared.db.TrackedEntity;

/** One piece of advice a client asked for, as it was given, and their feedback on it. */
@Entity
@Table(name = "advisor_sessions")
public class AdvisorSession extends TrackedEntity {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AdvisorSessionType")
    public enum Type {
        INSTANT,
        ANALYSIS
    }

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Type type;

    @Column(name = "analysis_id")
    public UUID analysisId;

    @Column(nullable = false, updatable = false)
    public String concerns = "";

    @Column(updatable = false)
    public String question;

    @Column(name = "engine_version", nullable = false, updatable = false)
    public String engineVersion;

    @Column(nullable = false, updatable = false)
    public String advice;

    public Integer rating;

    public String feedback;

    @Column(name = "rated_at")
    public Instant ratedAt;

    /** The advice as it was given (stored JSON). */
    Advice advice(com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            return json.readValue(advice, Advice.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored advice of session " + id + " is not readable", e);
        }
    }
}
