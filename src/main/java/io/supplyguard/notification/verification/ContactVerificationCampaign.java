package io.supplyguard.notification.verification;

import io.supplyguard.customer.CustomerRegistry;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Values the model reads through expressions ({@code ${contactVerification.cycle}} ...), so that
 * designers see where they come from and operators change them in configuration.
 */
@Component("contactVerification")
public class ContactVerificationCampaign {

    private static final LocalTime FIRST_RUN_TIME = LocalTime.of(8, 0);

    private final ContactVerificationProperties properties;
    private final CustomerRegistry registry;
    private final Clock clock;

    ContactVerificationCampaign(ContactVerificationProperties properties, CustomerRegistry registry, Clock clock) {
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
    }

    /** Timer cycle of the start event (evaluated when the model is deployed). */
    public String getCycle() {
        if (!properties.cycle().isEmpty()) {
            return properties.cycle();
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime first = now.withDayOfMonth(1).toLocalDate().atTime(FIRST_RUN_TIME).atZone(now.getZone());
        if (!first.isAfter(now)) {
            first = first.plusMonths(1);
        }
        return "R/" + first.toOffsetDateTime() + "/P1M";
    }

    /** Due date of a district manager's task. */
    public Date getTaskDue() {
        return Date.from(ZonedDateTime.now(clock).plus(properties.taskDueIn()).toInstant());
    }

    /** Contacts verified before this instant are stale (fixed once per campaign). */
    OffsetDateTime staleBefore() {
        return OffsetDateTime.now(clock).minus(properties.staleAfter());
    }

    /**
     * The multi-instance collection: one district per element, computed when the districts are
     * entered rather than stored (a list variable would be a serialized object).
     */
    public List<String> districtsToVerify(String staleBefore) {
        return registry.districtsWithContactsToVerify(OffsetDateTime.parse(staleBefore));
    }
}
