package app.atrium.routine.internal;

@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RoutineStepType")
public enum StepType {
    CLEANSER,
    TONER,
    SERUM,
    TREATMENT,
    EXFOLIANT,
    MOISTURISER,
    SPF,
    EYE_CARE,
    MASK,
    OTHER
}
