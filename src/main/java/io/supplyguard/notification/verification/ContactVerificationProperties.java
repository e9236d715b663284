package io.supplyguard.notification.verification;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The contact-verification campaign ({@code supplyguard.contact-verification.*}).
 *
 * @param cycle      when the campaign starts, as a Camunda timer cycle; empty: monthly on the 1st at
 *                   08:00 business time, written as an ISO repeating interval with an explicit offset
 *                   (a cron expression would run in the JVM's time zone)
 * @param staleAfter a VALID contact not verified within this period is listed again
 * @param taskDueIn  how long a district manager has for the district's list
 */
@ConfigurationProperties("supplyguard.contact-verification")
public record ContactVerificationProperties(String cycle, Period staleAfter, Period taskDueIn) {

    public ContactVerificationProperties {
        cycle = cycle == null ? "" : cycle.strip();
        staleAfter = staleAfter == null ? Period.ofDays(180) : staleAfter;
        taskDueIn = taskDueIn == null ? Period.ofDays(14) : taskDueIn;
    }
}
