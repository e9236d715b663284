package io.supplyguard.calendar;

import io.supplyguard.calendar.CalendarDays.DayKind;
import io.supplyguard.calendar.HolidayCalendar.Day;
import io.supplyguard.infrastructure.web.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year of the holiday calendar as an operator enters it (REST body or Tasklist form), checked
 * the same way on both paths: every date in the year and listed once, an adjusted working day on a
 * Saturday or Sunday, a name for each day, the notice it comes from.
 */
final class CalendarYearInput {

    /** Years an operator may maintain: the State Council's notices, not the far future. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** Column widths (V8_18_1__business_calendar.sql). */
    static final int MAX_SOURCE = 200;
    static final int MAX_NAME = 40;

    record Entry(LocalDate date, String name) {
    }

    private final List<FieldError> errors = new ArrayList<>();
    private final List<Day> days = new ArrayList<>();
    private final Set<LocalDate> seen = new HashSet<>();

    CalendarYearInput(int year, String source, String holidaysField, List<Entry> holidays, String adjustedField,
            List<Entry> adjustedWorkingDays) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(new FieldError("year", "Range", "between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
        if (source == null || source.isBlank()) {
            errors.add(new FieldError("source", "NotBlank", "the State Council notice the days come from"));
        } else if (source.trim().length() > MAX_SOURCE) {
            errors.add(new FieldError("source", "Size", "at most " + MAX_SOURCE + " characters"));
        }
        collect(holidaysField, holidays, DayKind.HOLIDAY, year);
        collect(adjustedField, adjustedWorkingDays, DayKind.ADJUSTED_WORKING_DAY, year);
    }

    List<FieldError> errors() {
        return errors;
    }

    List<Day> days() {
        return days;
    }

    private void collect(String field, List<Entry> entries, DayKind kind, int year) {
        if (entries == null) {
            errors.add(new FieldError(field, "NotNull", "a list (empty when there are none)"));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String at = field + "[" + i + "]";
            if (entry == null || entry.date() == null) {
                errors.add(new FieldError(at + ".date", "NotNull", "the date (yyyy-MM-dd)"));
                continue;
            }
            if (entry.date().getYear() != year) {
                errors.add(new FieldError(at + ".date", "InYear", entry.date() + " is not in " + year));
            }
            if (!seen.add(entry.date())) {
                errors.add(new FieldError(at + ".date", "Unique", entry.date() + " is listed twice"));
            }
            DayOfWeek weekday = entry.date().getDayOfWeek();
            if (kind == DayKind.ADJUSTED_WORKING_DAY && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                errors.add(new FieldError(at + ".date", "Weekend", entry.date() + " is a " + weekday
                        + ": an adjusted working day (调休上班) is a Saturday or Sunday"));
            }
            if (entry.name() == null || entry.name().isBlank()) {
                errors.add(new FieldError(at + ".name", "NotBlank", "e.g. 春节, 国庆节调休上班"));
            } else if (entry.name().trim().length() > MAX_NAME) {
                errors.add(new FieldError(at + ".name", "Size", "at most " + MAX_NAME + " characters"));
            } else {
                days.add(new Day(entry.date(), kind, entry.name().trim()));
            }
        }
    }
}
