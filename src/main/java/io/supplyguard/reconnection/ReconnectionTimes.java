package io.supplyguard.reconnection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

    /** Repeating timer cycle {@code R/<next morning sweep>/P1D}, explicit business zone. */
    public String getMorningSweepCycle() {
        return dailyCycle(properties.morningSweep());
    }

    public String getEveningSweepCycle() {
        return dailyCycle(properties.eveningSweep());
    }

    private String dailyCycle(java.time.LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = LocalDate.now(clock).atTime(at).atZone(clock.getZone());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return "R/" + next.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    Clock clock() {
        return clock;
    }
}
