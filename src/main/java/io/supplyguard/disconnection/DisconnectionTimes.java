package io.supplyguard.disconnection;

import io.supplyguard.switching.DisconnectionProperties;
import org.springframework.stereotype.Component;

/** The configured durations as ISO-8601 strings, for the timer expressions of the models. */
@Component("disconnectionTimes")
public class DisconnectionTimes {

    private final DisconnectionProperties properties;

    DisconnectionTimes(DisconnectionProperties properties) {
        this.properties = properties;
    }

    /** Wait after the reminder SMS, in which a payment ends the process. */
    public String reminderPeriod() {
        return properties.reminderPeriod().toString();
    }

    /** How often a disconnection waiting for a dispute's resolution looks at the records again. */
    public String disputeRecheck() {
        return properties.disputeRecheck().toString();
    }
}
