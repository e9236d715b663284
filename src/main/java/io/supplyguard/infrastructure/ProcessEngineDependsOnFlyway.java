package io.supplyguard.infrastructure;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway: our schema is migrated before the engine creates
 * its own tables, starts its job executor and deploys models whose delegates read our tables.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ProcessEngineDependsOnFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(SpringProcessEngineConfiguration.class, ProcessEngine.class);
    }
}
