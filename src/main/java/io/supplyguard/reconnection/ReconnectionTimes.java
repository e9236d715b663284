package io.supplyguard.reconnection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Date;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The times of the reconnection models, used in their timer and due-date expressions as
 * {@code ${reconnectionTimes...}}. All business times are in the business zone (Asia/Shanghai).
 */
@Component("reconnectionTimes")
@EnableConfigurationProperties(ReconnectionProperties.class)
public class ReconnectionTimes {

    private final ReconnectionProperties properties;
    private final Clock clock;

    ReconnectionTimes(ReconnectionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** When the reconnection desk gets a supervision task if the customer is still cut off. */
    public Date slaDueAt(Date paidAt) {
        return Date.from(paidAt.toInstant().plus(properties.slaAfterPayment()));
    }

    /**
     * "No overnight": the cut-off hour on the payment day; for a payment at or after the cut-off,
     * payment + the grace period.
     */
    public Date overnightDeadline(Date paidAt) {
        ZonedDateTime paid = paidAt.toInstant().atZone(clock.getZone());
        ZonedDateTime cutoff = paid.toLocalDate().atTime(properties.overnightCutoff()).atZone(clock.getZone());
        ZonedDateTime deadline = paid.isBefore(cutoff) ? cutoff : paid.plus(properties.afterCutoffGrace());
        return Date.from(deadline.toInstant());
    }

    /** ISO-8601 duration of the emergency power guarantee. */
    public String getGuaranteePeriod() {
        return properties.guaranteePeriod().toString();
    }

    /** Due date of the county duty officer's sweep follow-up. */
    public Date sweepFollowUpDue() {
        return Date.from(clock.instant().plus(properties.sweepFollowUp()));
    }

    /**
     * Timer cycle of the sweep: a cron expression firing at the configured business times. Camunda
     * evaluates cron in the JVM's default zone, so the business times are converted into it here
     * (exact for zones without daylight saving time, like Asia/Shanghai itself).
     */
    public String getSweepCycle() {
        return sweepCycle(ZoneId.systemDefault());
    }

    String sweepCycle(ZoneId engineZone) {
        LocalDate today = LocalDate.now(clock);
        List<java.time.LocalTime> local = properties.sweepTimes().stream()
                .map(t -> today.atTime(t).atZone(clock.getZone()).withZoneSameInstant(engineZone).toLocalTime())
                .toList();
        String hours = local.stream().map(t -> Integer.toString(t.getHour())).distinct().collect(Collectors.joining(","));
        return "0 " + local.get(0).getMinute() + " " + hours + " * * ?";
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    Clock clock() {
        return clock;
    }
}
