package io.supplyguard.calendar;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time zone every business rule is evaluated in (notice periods, execution windows,
 * "no overnight" deadlines). Explicit, never the JVM default.
 */
@ConfigurationProperties("supplyguard.business-time")
public record BusinessTimeProperties(ZoneId zone) {

    public BusinessTimeProperties {
        if (zone == null) {
            zone = ZoneId.of("Asia/Shanghai");
        }
    }
}
