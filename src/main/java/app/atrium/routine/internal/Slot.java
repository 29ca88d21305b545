package app.atrium.routine.internal;

@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RoutineSlot")
public enum Slot {
    AM,
    PM
}
