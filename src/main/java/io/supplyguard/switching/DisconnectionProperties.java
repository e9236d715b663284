package io.supplyguard.switching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations of the disconnection processes. {@code noticeDay} is the length of one "notice
 * lead day" from the decision table: a day in production, seconds in the demo profile so a
 * newcomer can watch a whole cut.
 */
@ConfigurationProperties("supplyguard.disconnection")
public record DisconnectionProperties(
        Duration reminderPeriod,
        Duration noticeDay,
        Duration importantWarningLead,
        Duration importantExecutionDelay) {

    public DisconnectionProperties {
        reminderPeriod = reminderPeriod != null ? reminderPeriod : Duration.ofDays(3);
        noticeDay = noticeDay != null ? noticeDay : Duration.ofDays(1);
        importantWarningLead = importantWarningLead != null ? importantWarningLead : Duration.ofMinutes(15);
        importantExecutionDelay = importantExecutionDelay != null ? importantExecutionDelay : Duration.ofMinutes(15);
    }
}
