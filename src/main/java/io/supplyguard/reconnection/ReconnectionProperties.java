package io.supplyguard.reconnection;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code supplyguard.reconnection.*}: the durations and times the reconnection models use. */
@ConfigurationProperties("supplyguard.reconnection")
record ReconnectionProperties(
        Duration slaAfterPayment,
        LocalTime overnightCutoff,
        Duration afterCutoffGrace,
        Duration guaranteePeriod,
        LocalTime morningSweep,
        LocalTime eveningSweep,
        Duration sweepFollowUp,
        Webhook webhook) {

    ReconnectionProperties {
        slaAfterPayment = slaAfterPayment == null ? Duration.ofMinutes(30) : slaAfterPayment;
        overnightCutoff = overnightCutoff == null ? LocalTime.of(22, 0) : overnightCutoff;
        afterCutoffGrace = afterCutoffGrace == null ? Duration.ofHours(2) : afterCutoffGrace;
        guaranteePeriod = guaranteePeriod == null ? Duration.ofDays(3) : guaranteePeriod;
        morningSweep = morningSweep == null ? LocalTime.of(8, 30) : morningSweep;
        eveningSweep = eveningSweep == null ? LocalTime.of(17, 30) : eveningSweep;
        sweepFollowUp = sweepFollowUp == null ? Duration.ofHours(4) : sweepFollowUp;
        webhook = webhook == null ? new Webhook(null, null, null) : webhook;
    }

    /** Enterprise-WeChat group robot receiving the sweep list; no URL: not published. */
    record Webhook(URI url, Duration connectTimeout, Duration readTimeout) {

        Webhook {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        }

        boolean configured() {
            return url != null && !url.toString().isBlank();
        }
    }
}
