package io.supplyguard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The holiday calendar as recorded at one moment: the maintained years and their holidays and
 * adjusted working days (调休上班). A date of a year nobody maintained is unknown, never assumed
 * to be an ordinary day.
 */
public record CalendarDays(Set<Integer> maintainedYears, Map<LocalDate, DayKind> days, Set<DayOfWeek> workingDays,
        boolean recordsIgnored) {

    public enum DayKind { HOLIDAY, ADJUSTED_WORKING_DAY }

    public CalendarDays(Set<Integer> maintainedYears, Map<LocalDate, DayKind> days, Set<DayOfWeek> workingDays) {
        this(maintainedYears, days, workingDays, false);
    }

    /** The demo's calendar: weekdays only, every date known (never in production). */
    static CalendarDays weekdaysOnly(Set<DayOfWeek> workingDays) {
        return new CalendarDays(Set.of(), Map.of(), workingDays, true);
    }

    public boolean maintained(LocalDate day) {
        return recordsIgnored || maintainedYears.contains(day.getYear());
    }

    public boolean holiday(LocalDate day) {
        return days.get(day) == DayKind.HOLIDAY;
    }

    /**
     * A working day of the calendar; a date outside the maintained years counts by its weekday
     * (for deadlines such as an escalation, where assuming work makes them come sooner).
     */
    public boolean workingDay(LocalDate day) {
        DayKind kind = days.get(day);
        if (kind == DayKind.ADJUSTED_WORKING_DAY) {
            return true;
        }
        return kind != DayKind.HOLIDAY && workingDays.contains(day.getDayOfWeek());
    }

    /** The last maintained day (31 December of the last maintained year), or null when nothing is maintained. */
    public LocalDate maintainedUntil() {
        return maintainedYears.stream().max(Integer::compareTo).map(y -> LocalDate.of(y, 12, 31)).orElse(null);
    }
}
