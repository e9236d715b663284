package io.supplyguard.reconnection;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code supplyguard.reconnection.*}: the durations and times the reconnection models use. */
@ConfigurationProperties("supplyguard.reconnection")
record ReconnectionProperties(
        Duration slaAfterPayment,
        LocalTime overnightCutoff,
        Duration afterCutoffGrace,
        Duration guaranteePeriod,
        List<LocalTime> sweepTimes,
        Duration sweepFollowUp,
        Webhook webhook) {

    ReconnectionProperties {
        slaAfterPayment = slaAfterPayment == null ? Duration.ofMinutes(30) : slaAfterPayment;
        overnightCutoff = overnightCutoff == null ? LocalTime.of(22, 0) : overnightCutoff;
        afterCutoffGrace = afterCutoffGrace == null ? Duration.ofHours(2) : afterCutoffGrace;
        guaranteePeriod = guaranteePeriod == null ? Duration.ofDays(3) : guaranteePeriod;
        sweepTimes = sweepTimes == null || sweepTimes.isEmpty() ? List.of(LocalTime.of(8, 30), LocalTime.of(17, 30)) : List.copyOf(sweepTimes);
        if (sweepTimes.stream().map(LocalTime::getMinute).distinct().count() != 1) {
            throw new IllegalArgumentException("supplyguard.reconnection.sweep-times must share their minute (one timer cycle): " + sweepTimes);
        }
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
