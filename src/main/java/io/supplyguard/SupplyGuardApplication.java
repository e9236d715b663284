package io.supplyguard;

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
        SpringApplication.run(SupplyGuardApplication.class, args);
    }
}
