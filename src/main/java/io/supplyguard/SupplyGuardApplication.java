package io.supplyguard;

import io.supplyguard.meter.MeterCommandLine;
import io.supplyguard.meter.SimulatorCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * SupplyGuard: arrears disconnection and payment reconnection of fee-controlled customers.
 * One Spring Boot application with the Camunda 7 engine, its webapps and its REST API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupplyGuardApplication {

    public static void main(String[] args) {
        // meter tools run without web server, engine or database: dispatched before Spring starts
        if (args.length > 0 && args[0].equals("meter")) {
            MeterCommandLine.main(args);
        }
        if (args.length > 0 && args[0].equals("simulator")) {
            SimulatorCommandLine.main(args);
        }
        SpringApplication.run(SupplyGuardApplication.class, args);
    }
}
