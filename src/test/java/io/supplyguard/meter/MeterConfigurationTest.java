package io.supplyguard.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** Which beans the {@code supplyguard.meter.*} settings make, without starting the engine. */
class MeterConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, MeterConfiguration.class);

    @Test
    void withoutConfigurationTwoSimulatedBusesAndTheSimulationBean() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(MeterControl.class).hasSingleBean(MeterSimulation.class);
            MeterSimulation simulation = ctx.getBean(MeterSimulation.class);
            simulation.install("bus-1", "000000000001", "000000000001", false);
            simulation.install("bus-2", "000000000002", "000000000002", true);
            assertThat(simulation.status("bus-2", "000000000002").relayOpen()).isTrue();
            MeterProperties properties = ctx.getBean(MeterProperties.class);
            assertThat(properties.deadlineWindow()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.buses()).extracting(MeterProperties.Bus::baud).containsOnly(2400);
        });
    }

    @Test
    void realBusesOnlyMeanNoSimulation() {
        context.withPropertyValues(
                        "supplyguard.meter.buses[0].id=line-7",
                        "supplyguard.meter.buses[0].transport=TCP",
                        "supplyguard.meter.buses[0].tcp=127.0.0.1:4001",
                        "supplyguard.meter.buses[1].id=line-8",
                        "supplyguard.meter.buses[1].transport=SERIAL",
                        "supplyguard.meter.buses[1].port=/dev/ttyUSB0",
                        "supplyguard.meter.buses[1].baud=9600",
                        "supplyguard.meter.buses[1].rs485.enabled=true",
                        "supplyguard.meter.retries=4",
                        "supplyguard.meter.deadline-window=2m")
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(MeterControl.class).doesNotHaveBean(MeterSimulation.class);
                    MeterProperties properties = ctx.getBean(MeterProperties.class);
                    assertThat(properties.retries()).isEqualTo(4);
                    assertThat(properties.deadlineWindow()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(properties.buses().get(1).rs485().enabled()).isTrue();
                    MeterBuses buses = ctx.getBean(MeterBuses.class);
                    assertThatThrownBy(() -> buses.worker("line-8")).as("a bus is opened only once this node owns it")
                            .isInstanceOf(BusNotOwnedException.class);
                    buses.open("line-8");
                    assertThat(buses.worker("line-8").describe()).isEqualTo("serial /dev/ttyUSB0 9600 baud");
                });
    }

    @Test
    void aSerialBusWithoutAPortIsAStartupError() {
        context.withPropertyValues("supplyguard.meter.buses[0].id=line-7", "supplyguard.meter.buses[0].transport=SERIAL")
                .run(ctx -> assertThat(ctx).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("SERIAL needs port"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MeterProperties.class, ClusterProperties.class})
    static class Infrastructure {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        JdbcDataSource dataSource() {
            return new JdbcDataSource();
        }

        @Bean
        JdbcClient jdbcClient(JdbcDataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(JdbcDataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
