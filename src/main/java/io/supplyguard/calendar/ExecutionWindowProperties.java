package io.supplyguard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a disconnection may be executed: on working days, inside the daily window, not on a
 * public holiday nor the day before one. {@code adjustedWorkingDays} are the weekend days the
 * State Council's yearly holiday notice turns into working days (调休); {@code holidays} come from
 * the same notice and are maintained here once a year.
 */
@ConfigurationProperties("supplyguard.execution-window")
public record ExecutionWindowProperties(
        LocalTime opensAt,
        LocalTime closesAt,
        Set<DayOfWeek> workingDays,
        List<LocalDate> holidays,
        List<LocalDate> adjustedWorkingDays) {

    public ExecutionWindowProperties {
        opensAt = opensAt != null ? opensAt : LocalTime.of(9, 0);
        closesAt = closesAt != null ? closesAt : LocalTime.of(15, 0);
        workingDays = workingDays != null && !workingDays.isEmpty() ? Set.copyOf(workingDays)
                : Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        holidays = holidays != null ? List.copyOf(holidays) : List.of();
        adjustedWorkingDays = adjustedWorkingDays != null ? List.copyOf(adjustedWorkingDays) : List.of();
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("supplyguard.execution-window.opens-at must be before closes-at");
        }
    }
}
