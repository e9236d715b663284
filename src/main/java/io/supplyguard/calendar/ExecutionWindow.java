package io.supplyguard.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The disconnection execution window (DESIGN.md P8, issue 5 item 7): a cut happens on a working
 * day that is neither a public holiday nor the eve of one, between the window's opening and
 * closing time (closing early enough to reconnect the same day after a payment), and never
 * while an extreme-weather alert is active for the district.
 */
@Service
public class ExecutionWindow {

    /** Far enough for any sane calendar; a configuration that never opens is an error. */
    private static final int SEARCH_DAYS = 400;

    private final ExecutionWindowProperties properties;
    private final WeatherAlerts weatherAlerts;
    private final ZoneId zone;

    ExecutionWindow(ExecutionWindowProperties properties, WeatherAlerts weatherAlerts, Clock clock) {
        this.properties = properties;
        this.weatherAlerts = weatherAlerts;
        this.zone = clock.getZone();
    }

    public boolean isOpen(OffsetDateTime time, String district) {
        return closedReason(time, district) == null;
    }

    /** Why the window is closed at {@code time}, or null when it is open. */
    public String closedReason(OffsetDateTime time, String district) {
        ZonedDateTime local = time.atZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        if (isHoliday(day)) {
            return "PUBLIC_HOLIDAY";
        }
        if (isHoliday(day.plusDays(1))) {
            return "EVE_OF_HOLIDAY";
        }
        if (!isWorkingDay(day)) {
            return "NOT_A_WORKING_DAY";
        }
        if (local.toLocalTime().isBefore(properties.opensAt()) || !local.toLocalTime().isBefore(properties.closesAt())) {
            return "OUTSIDE_DAILY_HOURS";
        }
        boolean alert = weatherAlerts.relevantFrom(district, time).stream().anyMatch(a -> a.activeAt(time));
        return alert ? "EXTREME_WEATHER_ALERT" : null;
    }

    /** The first moment at or after {@code notBefore} when a cut may be executed in the district. */
    public OffsetDateTime nextOpening(OffsetDateTime notBefore, String district) {
        List<WeatherAlert> alerts = weatherAlerts.relevantFrom(district, notBefore);
        OffsetDateTime candidate = nextWindowTime(notBefore);
        for (int guard = 0; guard < 1000; guard++) {
            OffsetDateTime at = candidate;
            WeatherAlert blocking = alerts.stream().filter(a -> a.activeAt(at)).findFirst().orElse(null);
            if (blocking == null) {
                return candidate;
            }
            candidate = nextWindowTime(blocking.effectiveEnd());
        }
        throw new IllegalStateException("no execution window found for district " + district);
    }

    private boolean isWindowTime(OffsetDateTime time) {
        ZonedDateTime local = time.atZoneSameInstant(zone);
        return isExecutionDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(properties.opensAt())
                && local.toLocalTime().isBefore(properties.closesAt());
    }

    private OffsetDateTime nextWindowTime(OffsetDateTime notBefore) {
        if (isWindowTime(notBefore)) {
            return notBefore;
        }
        ZonedDateTime local = notBefore.atZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(properties.opensAt())) {
            day = day.plusDays(1);
        }
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isExecutionDay(day)) {
                return LocalDateTime.of(day, properties.opensAt()).atZone(zone).toOffsetDateTime();
            }
        }
        throw new IllegalStateException("supplyguard.execution-window never opens within " + SEARCH_DAYS + " days");
    }

    private boolean isExecutionDay(LocalDate day) {
        return isWorkingDay(day) && !isHoliday(day) && !isHoliday(day.plusDays(1));
    }

    private boolean isWorkingDay(LocalDate day) {
        return properties.adjustedWorkingDays().contains(day) || properties.workingDays().contains(day.getDayOfWeek());
    }

    private boolean isHoliday(LocalDate day) {
        return properties.holidays().contains(day);
    }
}
