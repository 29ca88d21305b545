package app.atrium.scheduling.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import app.atrium.patient.PatientDirectory;

public final class SchedulingViews {

    private SchedulingViews() {
    }

    static final String HH_MM = "HH:mm";

    @Schema(name = "AppointmentType")
    public record AppointmentTypeView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(nullable = true) String description,
            @Schema(required = true) int durationMinutes,
            @Schema(required = true) long priceCents,
            @Schema(required = true) String currency,
            @Schema(required = true) String color,
            @Schema(required = true) int bufferBeforeMinutes,
            @Schema(required = true) int bufferAfterMinutes,
            @Schema(required = true) boolean active,
            @Schema(required = true) List<UUID> practitionerIds,
            @Schema(required = true, description = "Booking it needs the patient's signed medical history, at most "
                    + "intakeValidityMonths old") boolean requiresIntake,
            @Schema(required = true) int intakeValidityMonths,
            @Schema(required = true) long version,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static AppointmentTypeView from(AppointmentType t) {
            return new AppointmentTypeView(t.id, t.name, t.description, t.durationMinutes, t.priceCents, t.currency,
                    t.color, t.bufferBeforeMinutes, t.bufferAfterMinutes, t.active, List.copyOf(t.practitionerIds),
                    t.requiresIntake, t.intakeValidityMonths, t.version, t.createdAt, t.updatedAt);
        }
    }

    @Schema(name = "ServiceRef", description = "A service a practitioner performs")
    public record ServiceRef(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true) int durationMinutes) {

        static ServiceRef from(AppointmentType t) {
            return new ServiceRef(t.id, t.name, t.durationMinutes);
        }
    }

    @Schema(name = "Practitioner", description = "A clinic member with the PRACTITIONER role; id is the account id")
    public record PractitionerView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(nullable = true) String specialty,
            @Schema(nullable = true) String bio,
            @Schema(required = true) boolean bookable,
            @Schema(required = true) List<ServiceRef> services,
            @Schema(required = true) long version) {
    }

    @Schema(name = "WorkingWindow")
    public record WindowView(
            @Schema(required = true) DayOfWeek dayOfWeek,
            @Schema(required = true, implementation = String.class, format = "local-time", examples = "09:00") @JsonFormat(
                    pattern = HH_MM) LocalTime start,
            @Schema(required = true, implementation = String.class, format = "local-time", examples = "17:00") @JsonFormat(
                    pattern = HH_MM) LocalTime end) {
    }

    @Schema(name = "WorkingHours")
    public record WorkingHoursView(
            @Schema(required = true) UUID practitionerId,
            @Schema(required = true, description = "IANA zone the windows are in") String timeZone,
            @Schema(required = true) List<WindowView> windows) {
    }

    @Schema(name = "TimeOff")
    public record TimeOffView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID practitionerId,
            @Schema(required = true) Instant startsAt,
            @Schema(required = true) Instant endsAt,
            @Schema(nullable = true) String reason,
            @Schema(required = true) Instant createdAt) {

        static TimeOffView from(TimeOff t) {
            return new TimeOffView(t.id, t.practitionerId, t.startsAt, t.endsAt, t.reason, t.createdAt);
        }
    }

    @Schema(name = "Closure")
    public record ClosureView(
            @Schema(required = true) UUID id,
            @Schema(required = true) LocalDate date,
            @Schema(nullable = true) String reason,
            @Schema(required = true) Instant createdAt) {

        static ClosureView from(Closure c) {
            return new ClosureView(c.id, c.closedOn, c.reason, c.createdAt);
        }
    }

    @Schema(name = "Slot", description = "A free start time: the instant and its clinic-local date and time")
    public record SlotView(
            @Schema(required = true) Instant startsAt,
            @Schema(required = true) Instant endsAt,
            @Schema(required = true) LocalDate date,
            @Schema(required = true, implementation = String.class, format = "local-time", examples = "14:30") @JsonFormat(
                    pattern = HH_MM) LocalTime time,
            @Schema(required = true) UUID practitionerId) {

        static SlotView from(SlotCalculator.Slot s) {
            return new SlotView(s.startsAt(), s.endsAt(), s.date(), s.time(), s.practitionerId());
        }
    }

    @Schema(name = "Availability")
    public record AvailabilityView(
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(required = true, description = "IANA zone of date and time") String timeZone,
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true) List<SlotView> slots) {
    }

    @Schema(name = "Hold", description = "A slot kept for you until expiresAt")
    public record HoldView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(required = true) UUID practitionerId,
            @Schema(required = true) Instant startsAt,
            @Schema(required = true) Instant endsAt,
            @Schema(required = true) Instant expiresAt) {

        static HoldView from(Hold h) {
            return new HoldView(h.id, h.appointmentTypeId, h.practitionerId, h.startsAt, h.endsAt, h.expiresAt);
        }
    }

    @Schema(name = "PatientName")
    public record PatientName(@Schema(required = true) UUID id, @Schema(required = true) String firstName,
            @Schema(required = true) String lastName) {

        static PatientName from(PatientDirectory.PatientRef p) {
            return p == null ? null : new PatientName(p.id(), p.firstName(), p.lastName());
        }
    }

    @Schema(name = "Appointment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppointmentView(
            @Schema(required = true) UUID id,
            @Schema(required = true) Appointment.Status status,
            @Schema(required = true) UUID patientId,
            @Schema(description = "Left out when the patient was deleted") PatientName patient,
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(required = true) UUID practitionerId,
            @Schema(required = true) Instant startsAt,
            @Schema(required = true) Instant endsAt,
            @Schema(required = true, description = "Clinic-local date of the start") LocalDate date,
            @Schema(required = true, implementation = String.class, format = "local-time", examples = "14:30",
                    description = "Clinic-local time of the start") @JsonFormat(pattern = HH_MM) LocalTime time,
            @Schema(required = true) String timeZone,
            String notes,
            @Schema(required = true) Appointment.Source source,
            @Schema(required = true) boolean overbooked,
            @Schema(required = true, description = "Cancelled later than the clinic's notice") boolean lateCancel,
            String cancelReason,
            Instant cancelledAt,
            @Schema(implementation = String.class, format = "uuid") UUID seriesId,
            Integer seriesIndex,
            @Schema(required = true) long version,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static AppointmentView from(Appointment a, ZoneId zone, PatientDirectory.PatientRef patient) {
            ZonedDateTime local = a.startsAt.atZone(zone);
            return new AppointmentView(a.id, a.status, a.patientId, PatientName.from(patient), a.appointmentTypeId,
                    a.practitionerId, a.startsAt, a.endsAt, local.toLocalDate(), local.toLocalTime(), zone.getId(),
                    a.notes, a.source, a.overbooked, a.lateCancel, a.cancelReason, a.cancelledAt, a.seriesId,
                    a.seriesIndex, a.version, a.createdAt, a.updatedAt);
        }
    }

    @Schema(name = "PublicService", description = "A service as the booking widget shows it")
    public record PublicService(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(nullable = true) String description,
            @Schema(required = true) int durationMinutes,
            @Schema(required = true) long priceCents,
            @Schema(required = true) String currency,
            @Schema(required = true) String color,
            @Schema(required = true, description = "The clinic needs the client's signed medical history before "
                    + "booking it: the clinic sends the form") boolean requiresIntake) {

        static PublicService from(AppointmentType t) {
            return new PublicService(t.id, t.name, t.description, t.durationMinutes, t.priceCents, t.currency, t.color,
                    t.requiresIntake);
        }
    }

    @Schema(name = "PublicPractitioner", description = "A bookable practitioner as the booking widget shows them")
    public record PublicPractitioner(
            @Schema(required = true) UUID id,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(nullable = true) String specialty,
            @Schema(nullable = true) String bio,
            @Schema(required = true) List<UUID> serviceIds) {

        static PublicPractitioner from(PractitionerView p) {
            return new PublicPractitioner(p.id(), p.firstName(), p.lastName(), p.specialty(), p.bio(),
                    p.services().stream().map(ServiceRef::id).toList());
        }
    }

    @Schema(name = "PublicClinic", description = "What the booking widget needs to show a clinic")
    public record PublicClinicView(
            @Schema(required = true) String name,
            @Schema(required = true) String slug,
            @Schema(required = true) String timeZone,
            @Schema(required = true) String currency,
            @Schema(nullable = true, description = "Short-lived URL of the logo") String logoUrl,
            @Schema(required = true) List<PublicService> services,
            @Schema(required = true) List<PublicPractitioner> practitioners) {
    }

    @Schema(name = "AppointmentDay", description = "One clinic-local day of appointments, by start")
    public record AppointmentDayView(
            @Schema(required = true) LocalDate date,
            @Schema(required = true) String timeZone,
            @Schema(required = true) List<AppointmentView> appointments) {
    }

    @Schema(name = "ClinicRef")
    public record ClinicRefView(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true) String slug) {
    }

    /** A client's own appointment: no staff notes, with the clinic it is at. */
    @Schema(name = "MyAppointment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyAppointmentView(
            @Schema(required = true) UUID id,
            @Schema(required = true) Appointment.Status status,
            @Schema(required = true) ClinicRefView clinic,
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(required = true) String serviceName,
            @Schema(required = true) UUID practitionerId,
            @Schema(required = true) Instant startsAt,
            @Schema(required = true) Instant endsAt,
            @Schema(required = true) LocalDate date,
            @Schema(required = true, implementation = String.class, format = "local-time", examples = "14:30") @JsonFormat(
                    pattern = HH_MM) LocalTime time,
            @Schema(required = true) String timeZone,
            @Schema(required = true) boolean lateCancel,
            Instant cancelledAt,
            @Schema(required = true, description = "Until when you may cancel or reschedule online") Instant changeableUntil,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "AppointmentSeries")
    public record SeriesView(@Schema(required = true) UUID seriesId,
            @Schema(required = true) List<AppointmentView> appointments) {
    }

    @Schema(name = "WaitlistOffer", description = "A freed slot held for the entry: book it with holdId before expiresAt")
    public record OfferView(@Schema(required = true) UUID holdId, @Schema(required = true) UUID practitionerId,
            @Schema(required = true) Instant startsAt, @Schema(required = true) Instant expiresAt) {
    }

    @Schema(name = "WaitlistEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaitlistView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID patientId,
            @Schema(required = true) UUID appointmentTypeId,
            @Schema(implementation = String.class, format = "uuid") UUID practitionerId,
            @Schema(required = true) LocalDate fromDate,
            @Schema(required = true) LocalDate toDate,
            @Schema(implementation = String.class, format = "local-time") @JsonFormat(pattern = HH_MM) LocalTime earliestTime,
            @Schema(implementation = String.class, format = "local-time") @JsonFormat(pattern = HH_MM) LocalTime latestTime,
            @Schema(required = true) WaitlistEntry.Status status,
            @Schema(required = true) Appointment.Source source,
            @Schema(description = "While OFFERED") OfferView offer,
            @Schema(required = true) Instant createdAt) {

        static WaitlistView from(WaitlistEntry e, Hold offer) {
            return new WaitlistView(e.id, e.patientId, e.appointmentTypeId, e.practitionerId, e.fromDate, e.toDate,
                    e.earliestTime, e.latestTime, e.status, e.source,
                    offer == null ? null : new OfferView(offer.id, offer.practitionerId, offer.startsAt, offer.expiresAt),
                    e.createdAt);
        }
    }

    @Schema(name = "CalendarToken", description = "Shown once: subscribe a calendar app to url")
    public record CalendarTokenView(@Schema(required = true) String token, @Schema(required = true) String url) {
    }
}
