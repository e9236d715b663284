package io.supplyguard.calendar;

import io.supplyguard.calendar.CalendarDays.DayKind;
import io.supplyguard.identity.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code holiday-calendar-maintenance} 维护节假日安排 (the Tasklist way to maintain a
 * year; {@code PUT /api/calendar/years/{year}} is the other): the year's current days are put into
 * the form as one line per day ("2027-01-01 元旦"), and the completed form replaces the year with
 * the same checks as the REST API, recorded as the engine's authenticated fee-control operator.
 */
@Configuration(proxyBeanMethods = false)
class CalendarMaintenanceSteps {

    static final String PROCESS_ID = "holiday-calendar-maintenance";
    static final String YEAR = "calendarYear";
    static final String SOURCE = "calendarSource";
    static final String HOLIDAYS = "calendarHolidays";
    static final String ADJUSTED = "calendarAdjustedWorkingDays";
    static final String MAINTAINED_UNTIL = "calendarMaintainedUntil";
    static final String DUE_AT = "calendarDueAt";

    @Bean("loadCalendarYear")
    JavaDelegate loadCalendarYear(HolidayCalendar calendar, Clock clock) {
        return execution -> {
            int year = year(execution);
            var recorded = calendar.year(year);
            execution.setVariable(SOURCE, recorded.map(HolidayCalendar.Year::source).orElse(""));
            execution.setVariable(HOLIDAYS, lines(recorded, DayKind.HOLIDAY));
            execution.setVariable(ADJUSTED, lines(recorded, DayKind.ADJUSTED_WORKING_DAY));
            LocalDate until = calendar.days().maintainedUntil();
            execution.setVariable(MAINTAINED_UNTIL, until == null ? "无" : until.toString());
            if (execution.getVariable(DUE_AT) == null) {
                execution.setVariable(DUE_AT, Date.from(OffsetDateTime.now(clock).plus(Duration.ofDays(7)).toInstant()));
            }
        };
    }

    @Bean("applyCalendarYear")
    TaskListener applyCalendarYear(HolidayCalendar calendar, IdentityService identity) {
        return task -> {
            var authentication = identity.getCurrentAuthentication();
            String user = authentication == null ? null : authentication.getUserId();
            if (user == null || identity.createUserQuery().userId(user).memberOfGroup(Roles.FEE_CONTROL_OPERATORS).count() == 0) {
                throw new BadUserRequestException("无权维护节假日安排（user '" + user + "' is not in " + Roles.FEE_CONTROL_OPERATORS + "）");
            }
            int year = year(task);
            Object source = task.getVariable(SOURCE);
            CalendarYearInput input = new CalendarYearInput(year, source == null ? null : source.toString(), HOLIDAYS,
                    parse(task, HOLIDAYS), ADJUSTED, parse(task, ADJUSTED));
            if (!input.errors().isEmpty()) {
                throw new BadUserRequestException("节假日安排填写有误（" + input.errors().stream()
                        .map(e -> "field '" + e.field().replace("source", SOURCE) + "' " + e.message())
                        .collect(Collectors.joining("; ")) + "）");
            }
            calendar.maintain(year, source.toString().trim(), input.days(), user);
        };
    }

    private static int year(org.camunda.bpm.engine.delegate.VariableScope scope) {
        Object value = scope.getVariable(YEAR);
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.intValue() < CalendarYearInput.FIRST_YEAR || n.intValue() > CalendarYearInput.LAST_YEAR) {
            throw new BadUserRequestException("请填写年度（field '" + YEAR + "' a year between " + CalendarYearInput.FIRST_YEAR
                    + " and " + CalendarYearInput.LAST_YEAR + "）");
        }
        return n.intValue();
    }

    private static String lines(java.util.Optional<HolidayCalendar.Year> year, DayKind kind) {
        return year.map(y -> y.days().stream().filter(d -> d.kind() == kind).map(d -> d.date() + " " + d.name())
                .collect(Collectors.joining("\n"))).orElse("");
    }

    /** One day per line: "yyyy-MM-dd name"; blank lines are ignored. A line that is no such day is refused, naming it. */
    private static List<CalendarYearInput.Entry> parse(DelegateTask task, String field) {
        Object value = task.getVariable(field);
        List<CalendarYearInput.Entry> entries = new ArrayList<>();
        if (value == null) {
            return entries;
        }
        String[] lines = value.toString().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            try {
                entries.add(new CalendarYearInput.Entry(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : null));
            } catch (DateTimeParseException e) {
                throw new BadUserRequestException("节假日安排填写有误（field '" + field + "' line " + (i + 1)
                        + " is not \"yyyy-MM-dd 名称\": " + line + "）");
            }
        }
        return entries;
    }
}
