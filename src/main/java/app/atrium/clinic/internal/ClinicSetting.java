package app.atrium.clinic.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import app.atrium.security.ClinicOwned;

/** One clinic setting; the key's schema lives in {@link SettingKey}. */
@Entity
@Table(name = "clinic_settings")
public class ClinicSetting extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "key", nullable = false, updatable = false)
    public String settingKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode value;

    @Column(name = "updated_by", nullable = false)
    public UUID updatedBy;

    public static Optional<ClinicSetting> byKey(String key) {
        return find("settingKey", key).firstResultOptional();
    }

    public static List<ClinicSetting> all() {
        return listAll();
    }
}
