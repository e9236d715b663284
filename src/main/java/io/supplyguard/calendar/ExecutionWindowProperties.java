package io.supplyguard.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a disconnection may be executed: on working days, inside the daily window, not on a
 * public holiday nor the day before one. Holidays and adjusted working days (调休) are records of
 * {@link HolidayCalendar}, maintained by fee-control operators; a date outside every maintained
 * year is closed for cuts. {@code observeHolidayCalendar} false (the demo profile only) ignores
 * the records and the maintained range, so that a demo cut can be watched on any day.
 */
@ConfigurationProperties("supplyguard.execution-window")
public record ExecutionWindowProperties(
        LocalTime opensAt,
        LocalTime closesAt,
        Set<DayOfWeek> workingDays,
        Boolean observeHolidayCalendar) {

    public ExecutionWindowProperties {
        opensAt = opensAt != null ? opensAt : LocalTime.of(9, 0);
        closesAt = closesAt != null ? closesAt : LocalTime.of(15, 0);
        workingDays = workingDays != null && !workingDays.isEmpty() ? Set.copyOf(workingDays)
                : Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        observeHolidayCalendar = observeHolidayCalendar == null || observeHolidayCalendar;
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("supplyguard.execution-window.opens-at must be before closes-at");
        }
    }
}
