package io.supplyguard.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The disconnection execution window (DESIGN.md P8, issue 5 item 7): a cut happens on a working
 * day that is neither a public holiday nor the eve of one, between the window's opening and
 * closing time (closing early enough to reconnect the same day after a payment), and never
 * while an extreme-weather alert is active for the district. Holidays come from the records of
 * {@link HolidayCalendar}, read at each evaluation; a date of a year nobody maintained, or the day
 * before one, is closed for cuts ({@code CALENDAR_NOT_MAINTAINED}). Reconnections never ask this window.
 */
@Service
public class ExecutionWindow {

    /** The window is closed because the date (or the next) lies outside every maintained year. */
    public static final String CALENDAR_NOT_MAINTAINED = "CALENDAR_NOT_MAINTAINED";

    /** Far enough for any sane calendar; a configuration that never opens is an error. */
    private static final int SEARCH_DAYS = 400;

    private final ExecutionWindowProperties properties;
    private final WeatherAlerts weatherAlerts;
    private final Supplier<CalendarDays> calendar;
    private final ZoneId zone;

    @Autowired
    ExecutionWindow(ExecutionWindowProperties properties, WeatherAlerts weatherAlerts, HolidayCalendar calendar, Clock clock) {
        this(properties, weatherAlerts, calendar::days, clock);
    }

    ExecutionWindow(ExecutionWindowProperties properties, WeatherAlerts weatherAlerts, Supplier<CalendarDays> calendar,
            Clock clock) {
        this.properties = properties;
        this.weatherAlerts = weatherAlerts;
        this.calendar = properties.observeHolidayCalendar() ? calendar
                : () -> CalendarDays.weekdaysOnly(properties.workingDays());
        this.zone = clock.getZone();
    }

    public boolean isOpen(OffsetDateTime time, String district) {
        return closedReason(time, district) == null;
    }

    /** Why the window is closed at {@code time}, or null when it is open. */
    public String closedReason(OffsetDateTime time, String district) {
        ZonedDateTime local = time.atZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        CalendarDays days = calendar.get();
        if (!days.maintained(day) || !days.maintained(day.plusDays(1))) {
            return CALENDAR_NOT_MAINTAINED;
        }
        if (days.holiday(day)) {
            return "PUBLIC_HOLIDAY";
        }
        if (days.holiday(day.plusDays(1))) {
            return "EVE_OF_HOLIDAY";
        }
        if (!days.workingDay(day)) {
            return "NOT_A_WORKING_DAY";
        }
        if (local.toLocalTime().isBefore(properties.opensAt()) || !local.toLocalTime().isBefore(properties.closesAt())) {
            return "OUTSIDE_DAILY_HOURS";
        }
        boolean alert = weatherAlerts.relevantFrom(district, time).stream().anyMatch(a -> a.activeAt(time));
        return alert ? "EXTREME_WEATHER_ALERT" : null;
    }

    /**
     * The first moment at or after {@code notBefore} when a cut may be executed in the district.
     * When the maintained calendar ends before any opening, the next morning: the cut is looked at
     * again each day until an operator has maintained the next year.
     */
    public OffsetDateTime nextOpening(OffsetDateTime notBefore, String district) {
        List<WeatherAlert> alerts = weatherAlerts.relevantFrom(district, notBefore);
        CalendarDays days = calendar.get();
        OffsetDateTime candidate = nextWindowTime(notBefore, days);
        for (int guard = 0; guard < 1000; guard++) {
            OffsetDateTime at = candidate;
            WeatherAlert blocking = alerts.stream().filter(a -> a.activeAt(at)).findFirst().orElse(null);
            if (blocking == null) {
                return candidate;
            }
            candidate = nextWindowTime(blocking.effectiveEnd(), days);
        }
        throw new IllegalStateException("no execution window found for district " + district);
    }

    private boolean isWindowTime(OffsetDateTime time, CalendarDays days) {
        ZonedDateTime local = time.atZoneSameInstant(zone);
        return isExecutionDay(local.toLocalDate(), days)
                && !local.toLocalTime().isBefore(properties.opensAt())
                && local.toLocalTime().isBefore(properties.closesAt());
    }

    private OffsetDateTime nextWindowTime(OffsetDateTime notBefore, CalendarDays days) {
        if (isWindowTime(notBefore, days)) {
            return notBefore;
        }
        ZonedDateTime local = notBefore.atZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(properties.opensAt())) {
            day = day.plusDays(1);
        }
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!days.maintained(day) || !days.maintained(day.plusDays(1))) {
                // beyond the maintained calendar: look again tomorrow morning, never guess
                LocalDate tomorrow = local.toLocalDate().plusDays(1);
                return LocalDateTime.of(tomorrow, properties.opensAt()).atZone(zone).toOffsetDateTime();
            }
            if (isExecutionDay(day, days)) {
                return LocalDateTime.of(day, properties.opensAt()).atZone(zone).toOffsetDateTime();
            }
        }
        throw new IllegalStateException("supplyguard.execution-window never opens within " + SEARCH_DAYS + " days");
    }

    private static boolean isExecutionDay(LocalDate day, CalendarDays days) {
        return days.maintained(day) && days.maintained(day.plusDays(1))
                && days.workingDay(day) && !days.holiday(day) && !days.holiday(day.plusDays(1));
    }
}
