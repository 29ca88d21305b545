package app.atrium.security;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

import app.atrium.shared.db.TrackedEntity;

/**
 * Base of every clinic-owned entity: carries {@code clinic_id} and the always-on tenant filter
 * ({@link Tenancy}). The clinic is set once from the caller's token and never updated; timestamps
 * and version come from {@link TrackedEntity}.
 */
@MappedSuperclass
@FilterDef(name = Tenancy.FILTER, defaultCondition = "clinic_id = :" + Tenancy.PARAM, autoEnabled = true,
        applyToLoadByKey = true,
        parameters = @ParamDef(name = Tenancy.PARAM, type = UUID.class, resolver = Tenancy.CurrentClinic.class))
@Filter(name = Tenancy.FILTER)
public abstract class ClinicOwned extends TrackedEntity {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;
}
