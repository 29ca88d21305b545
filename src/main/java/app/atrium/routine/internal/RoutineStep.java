package app.atrium.routine.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "routine_steps")
public class RoutineStep extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "routine_id", nullable = false, updatable = false)
    public Routine routine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Slot slot;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "step_type", nullable = false)
    public StepType stepType;

    @Column(name = "ingredient_id")
    public UUID ingredientId;

    @Column(nullable = false)
    public String product;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Frequency frequency;
}
