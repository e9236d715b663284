package io.supplyguard.testsupport;

import io.supplyguard.meter.MeterControl;
import io.supplyguard.notification.Notifications;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Test-only: fills in modules that are not on this branch yet. Auto-configurations run after the
 * application's own beans, so as soon as the real module exists these step aside.
 */
@AutoConfiguration
public class FakeModulesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MeterControl.class)
    FakeMeterBus fakeMeterBus() {
        return new FakeMeterBus();
    }

    @Bean
    @ConditionalOnMissingBean(Notifications.class)
    FakeNotifications fakeNotifications() {
        return new FakeNotifications();
    }
}
