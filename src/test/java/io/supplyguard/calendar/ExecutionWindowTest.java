package io.supplyguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.calendar.CalendarDays.DayKind;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The execution window as the rules in issue 5 item 7 state it. */
class ExecutionWindowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    final List<WeatherAlert> alerts = new ArrayList<>();
    /** 2026 maintained: the National Day holidays and the adjusted working Saturday after them. */
    Set<Integer> maintainedYears = Set.of(2026);
    final Map<LocalDate, DayKind> days = new HashMap<>(Map.of(
            LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, LocalDate.of(2026, 10, 2), DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 3), DayKind.HOLIDAY, LocalDate.of(2026, 10, 4), DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 5), DayKind.HOLIDAY, LocalDate.of(2026, 10, 6), DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 7), DayKind.HOLIDAY, LocalDate.of(2026, 10, 10), DayKind.ADJUSTED_WORKING_DAY));
    final ExecutionWindow window = new ExecutionWindow(
            new ExecutionWindowProperties(LocalTime.of(9, 0), LocalTime.of(15, 0), WEEKDAYS, true),
            new WeatherAlerts(null, null) {
                @Override
                public List<WeatherAlert> relevantFrom(String district, OffsetDateTime from) {
                    return alerts.stream().filter(a -> a.district().equals(district) && a.effectiveEnd().isAfter(from)).toList();
                }
            },
            () -> new CalendarDays(maintainedYears, Map.copyOf(days), WEEKDAYS),
            Clock.system(SHANGHAI));

    static OffsetDateTime at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toOffsetDateTime();
    }

    @Test
    void isOpenOnAWorkingDayBetweenNineAndThree() {
        assertThat(window.isOpen(at("2026-12-01T09:00"), "TQ-1")).isTrue();
        assertThat(window.isOpen(at("2026-12-01T14:59"), "TQ-1")).isTrue();
        assertThat(window.closedReason(at("2026-12-01T15:00"), "TQ-1")).isEqualTo("OUTSIDE_DAILY_HOURS");
        assertThat(window.closedReason(at("2026-12-01T08:59"), "TQ-1")).isEqualTo("OUTSIDE_DAILY_HOURS");
    }

    @Test
    void neverOnWeekends() {
        assertThat(window.closedReason(at("2026-12-05T10:00"), "TQ-1")).isEqualTo("NOT_A_WORKING_DAY");
        assertThat(window.nextOpening(at("2026-12-05T10:00"), "TQ-1")).isEqualTo(at("2026-12-07T09:00"));
    }

    @Test
    void afterClosingTheNextOpeningIsTheNextWorkingMorning() {
        assertThat(window.nextOpening(at("2026-12-01T15:30"), "TQ-1")).isEqualTo(at("2026-12-02T09:00"));
        assertThat(window.nextOpening(at("2026-12-04T16:00"), "TQ-1")).isEqualTo(at("2026-12-07T09:00"));
    }

    @Test
    void neverOnAPublicHolidayNorTheDayBefore() {
        assertThat(window.closedReason(at("2026-09-30T10:00"), "TQ-1")).isEqualTo("EVE_OF_HOLIDAY");
        assertThat(window.closedReason(at("2026-10-05T10:00"), "TQ-1")).isEqualTo("PUBLIC_HOLIDAY");
        assertThat(window.nextOpening(at("2026-09-29T15:00"), "TQ-1")).isEqualTo(at("2026-10-08T09:00"));
    }

    @Test
    void anAdjustedWorkingSaturdayIsAWorkingDay() {
        assertThat(window.isOpen(at("2026-10-10T10:00"), "TQ-1")).isTrue();
    }

    @Test
    void anExtremeWeatherAlertClosesOnlyItsDistrictUntilItEnds() {
        alerts.add(new WeatherAlert(1, "TQ-1", "STORM", at("2026-12-01T00:00"), at("2026-12-02T12:00"), "operator", null));
        assertThat(window.closedReason(at("2026-12-01T10:00"), "TQ-1")).isEqualTo("EXTREME_WEATHER_ALERT");
        assertThat(window.isOpen(at("2026-12-01T10:00"), "TQ-2")).isTrue();
        assertThat(window.nextOpening(at("2026-12-01T10:00"), "TQ-1")).isEqualTo(at("2026-12-02T12:00"));
    }

    @Test
    void anAlertEndedEarlyNoLongerBlocks() {
        alerts.add(new WeatherAlert(1, "TQ-1", "STORM", at("2026-12-01T00:00"), at("2026-12-03T12:00"), "operator",
                at("2026-12-01T11:00")));
        assertThat(window.nextOpening(at("2026-12-01T10:00"), "TQ-1")).isEqualTo(at("2026-12-01T11:00"));
    }

    @Test
    void aDateBeyondTheMaintainedCalendarAllowsNoCut() {
        assertThat(window.isOpen(at("2026-12-30T10:00"), "TQ-1")).isTrue();
        assertThat(window.closedReason(at("2026-12-31T10:00"), "TQ-1"))
                .as("the eve of a day nobody maintained").isEqualTo(ExecutionWindow.CALENDAR_NOT_MAINTAINED);
        assertThat(window.closedReason(at("2027-01-04T10:00"), "TQ-1"))
                .as("an ordinary Monday of an unmaintained year").isEqualTo(ExecutionWindow.CALENDAR_NOT_MAINTAINED);
        assertThat(window.closedReason(at("2027-03-10T10:00"), "TQ-1")).isEqualTo(ExecutionWindow.CALENDAR_NOT_MAINTAINED);
    }

    @Test
    void beyondTheMaintainedCalendarTheCutIsLookedAtAgainEachMorningUntilTheYearIsMaintained() {
        assertThat(window.nextOpening(at("2026-12-30T15:30"), "TQ-1")).isEqualTo(at("2026-12-31T09:00"));
        assertThat(window.nextOpening(at("2027-01-04T10:00"), "TQ-1")).isEqualTo(at("2027-01-05T09:00"));

        maintainedYears = Set.of(2026, 2027);
        days.put(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY);
        assertThat(window.isOpen(at("2027-01-04T10:00"), "TQ-1")).isTrue();
        assertThat(window.nextOpening(at("2026-12-30T15:30"), "TQ-1")).as("31 December is the eve of New Year's Day")
                .isEqualTo(at("2027-01-04T09:00"));
    }
}
