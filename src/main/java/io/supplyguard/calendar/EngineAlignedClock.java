package io.supplyguard.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A {@link Clock} in the business time zone that reads the process engine's clock, so that
 * process tests moving time with {@code ClockUtil} move the business rules with it.
 */
final class EngineAlignedClock extends Clock {

    private final ZoneId zone;

    EngineAlignedClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return new EngineAlignedClock(otherZone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
