package io.supplyguard.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled arrears evaluation (cron "-" in configuration switches it off). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FeeControlScheduling {
}
