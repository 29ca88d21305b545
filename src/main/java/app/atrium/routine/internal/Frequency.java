package app.atrium.routine.internal;

@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RoutineFrequency")
public enum Frequency {
    DAILY,
    EVERY_OTHER_DAY,
    TWICE_A_WEEK,
    WEEKLY
}
