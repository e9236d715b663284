package io.supplyguard.calendar;

import io.supplyguard.infrastructure.web.ApiProblems;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        CalendarYearInput input = new CalendarYearInput(year, request.source(), "holidays", entries(request.holidays()),
                "adjustedWorkingDays", entries(request.adjustedWorkingDays()));
        if (!input.errors().isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(input.errors()));
        }
        boolean created = calendar.maintain(year, request.source().trim(), input.days(), principal.getName());
        return ResponseEntity.status(created ? 201 : 200).body(calendar.year(year).orElseThrow());
    }

    private static List<CalendarYearInput.Entry> entries(List<DayEntry> entries) {
        return entries == null ? null
                : entries.stream().map(e -> e == null ? null : new CalendarYearInput.Entry(e.date(), e.name())).toList();
    }
}
