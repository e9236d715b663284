package io.supplyguard.calendar;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BusinessTimeConfiguration {

    /** The one clock of the application: business time zone, engine time. */
    @Bean
    Clock businessClock(BusinessTimeProperties properties) {
        return new EngineAlignedClock(properties.zone());
    }
}
