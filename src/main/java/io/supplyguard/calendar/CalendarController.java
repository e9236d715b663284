package io.supplyguard.calendar;

import io.supplyguard.calendar.CalendarDays.DayKind;
import io.supplyguard.calendar.HolidayCalendar.Day;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday calendar over REST: staff read it, fee-control operators replace a year (who and
 * when from the authenticated user and the server's clock; every change in the history).
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    /** Years an operator may maintain: the calendar of the State Council's notices, not the far future. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** Column widths (V8_18_1__business_calendar.sql). */
    static final int MAX_SOURCE = 200;
    static final int MAX_NAME = 40;

    private final HolidayCalendar calendar;

    CalendarController(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    record DayEntry(LocalDate date, String name) {
    }

    record YearRequest(String source, List<DayEntry> holidays, List<DayEntry> adjustedWorkingDays) {
    }

    @GetMapping
    Map<String, Object> summary() {
        CalendarDays days = calendar.days();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("maintainedYears", days.maintainedYears().stream().sorted().toList());
        answer.put("maintainedUntil", days.maintainedUntil());
        answer.put("rule", "dates outside the maintained years are closed for disconnections (never for reconnections)");
        return answer;
    }

    @GetMapping("/years")
    List<HolidayCalendar.Year> years() {
        return calendar.years();
    }

    @GetMapping("/years/{year}")
    ResponseEntity<?> year(@PathVariable int year) {
        return calendar.year(year).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(ApiProblems.notFound("no holiday calendar for " + year)));
    }

    @GetMapping("/changes")
    List<HolidayCalendar.Change> changes(@RequestParam(required = false) Integer year) {
        return calendar.changes(year);
    }

    @PutMapping("/years/{year}")
    ResponseEntity<?> maintain(@PathVariable int year, @RequestBody YearRequest request, Principal principal) {
        List<FieldError> errors = new ArrayList<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(new FieldError("year", "Range", "between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
        if (request.source() == null || request.source().isBlank()) {
            errors.add(new FieldError("source", "NotBlank", "the State Council notice the days come from"));
        } else if (request.source().trim().length() > MAX_SOURCE) {
            errors.add(new FieldError("source", "Size", "at most " + MAX_SOURCE + " characters"));
        }
        List<Day> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        collect("holidays", request.holidays(), DayKind.HOLIDAY, year, seen, days, errors);
        collect("adjustedWorkingDays", request.adjustedWorkingDays(), DayKind.ADJUSTED_WORKING_DAY, year, seen, days, errors);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        boolean created = calendar.maintain(year, request.source().trim(), days, principal.getName());
        return ResponseEntity.status(created ? 201 : 200).body(calendar.year(year).orElseThrow());
    }

    private static void collect(String field, List<DayEntry> entries, DayKind kind, int year, Set<LocalDate> seen, List<Day> days,
            List<FieldError> errors) {
        if (entries == null) {
            errors.add(new FieldError(field, "NotNull", "a list (empty when there are none)"));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            DayEntry entry = entries.get(i);
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
