package app.atrium.clinic.internal;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

@Entity
@Table(name = "departments")
public class Department extends ClinicOwned {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    public static boolean nameTaken(String name, UUID except) {
        return count("lower(name) = lower(?1) and id <> ?2", name, except == null ? new UUID(0, 0) : except) > 0;
    }

    public static List<Department> all() {
        return list("order by name");
    }
}
