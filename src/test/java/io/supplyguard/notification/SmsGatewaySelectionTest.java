package io.supplyguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Configuration, not code, chooses the gateway; the HTTP adapter refuses to start without a URL. */
class SmsGatewaySelectionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsProperties.class)
    @Import({EmbeddedSmsGateway.class, HttpSmsGateway.class})
    static class Gateways {
        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper();
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Gateways.class);

    @Test
    void embeddedByDefault() {
        runner.run(context -> assertThat(context).getBean(SmsGateway.class).isInstanceOf(EmbeddedSmsGateway.class));
    }

    @Test
    void httpWhenConfiguredWithItsSettings() {
        runner.withPropertyValues("supplyguard.sms.gateway=http", "supplyguard.sms.http.url=http://sms.example:8080/send",
                        "supplyguard.sms.http.read-timeout=2s", "supplyguard.sms.http.max-attempts=5")
                .run(context -> {
                    assertThat(context).getBean(SmsGateway.class).isInstanceOf(HttpSmsGateway.class);
                    SmsProperties.Http http = context.getBean(SmsProperties.class).http();
                    assertThat(http.readTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(http.maxAttempts()).isEqualTo(5);
                    assertThat(http.backoff()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void httpWithoutUrlFailsAtStartUp() {
        runner.withPropertyValues("supplyguard.sms.gateway=http", "supplyguard.sms.http.url=")
                .run(context -> assertThat(context).hasFailed());
    }
}
