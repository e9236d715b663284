package io.supplyguard.reconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The times behind the reconnection timers, without an engine. */
class ReconnectionTimesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    ReconnectionTimes times(String... sweepTimes) {
        var properties = new ReconnectionProperties(null, null, null, null,
                sweepTimes.length == 0 ? null : java.util.Arrays.stream(sweepTimes).map(LocalTime::parse).toList(), null, null);
        return new ReconnectionTimes(properties, Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), SHANGHAI));
    }

    static Date at(String s) {
        return Date.from(OffsetDateTime.parse(s).toInstant());
    }

    @Test
    void overnightDeadlineIsTheCutOffOnThePaymentDayOrTwoHoursAfterALatePayment() {
        ReconnectionTimes t = times();
        assertThat(t.overnightDeadline(at("2026-11-30T00:05:00+08:00"))).isEqualTo(at("2026-11-30T22:00:00+08:00"));
        assertThat(t.overnightDeadline(at("2026-11-30T21:59:59+08:00"))).isEqualTo(at("2026-11-30T22:00:00+08:00"));
        assertThat(t.overnightDeadline(at("2026-11-30T22:00:00+08:00"))).isEqualTo(at("2026-12-01T00:00:00+08:00"));
        assertThat(t.overnightDeadline(at("2026-11-30T23:30:00+08:00"))).isEqualTo(at("2026-12-01T01:30:00+08:00"));
        // business day, not UTC day: 2026-11-30T17:00Z is already 01:00 on 12-01 in Shanghai
        assertThat(t.overnightDeadline(at("2026-11-30T17:00:00Z"))).isEqualTo(at("2026-12-01T22:00:00+08:00"));
    }

    @Test
    void slaIsThirtyMinutesAfterPaymentAndTheGuaranteeThreeDays() {
        assertThat(times().slaDueAt(at("2026-11-30T10:00:00+08:00"))).isEqualTo(at("2026-11-30T10:30:00+08:00"));
        assertThat(Duration.parse(times().getGuaranteePeriod())).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void sweepCronFiresAtTheBusinessTimesWhateverTheEngineZone() {
        assertThat(times().sweepCycle(SHANGHAI)).isEqualTo("0 30 8,17 * * ?");
        assertThat(times().sweepCycle(ZoneId.of("UTC"))).isEqualTo("0 30 0,9 * * ?");
        assertThat(times().sweepCycle(ZoneId.of("Asia/Kolkata"))).isEqualTo("0 0 6,15 * * ?");
        assertThat(times("07:15", "12:15", "19:15").sweepCycle(SHANGHAI)).isEqualTo("0 15 7,12,19 * * ?");
    }

    @Test
    void sweepTimesMustShareTheirMinute() {
        assertThatThrownBy(() -> times("08:30", "17:45")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sweep-times");
        assertThat(List.of(times().sweepCycle(SHANGHAI))).hasSize(1);
    }
}
