package io.supplyguard.release;

import java.time.Clock;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Installs the hold on core models around the engine's deployers. The application counts as started
 * once every singleton — the engine and its start-up auto-deployment among them — exists.
 */
@Component
class ModelReleasePlugin extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

    private final ObjectProvider<ModelReleases> releases;
    private final ObjectProvider<Clock> clock;
    private DeploymentTrust trust;

    ModelReleasePlugin(ObjectProvider<ModelReleases> releases, ObjectProvider<Clock> clock) {
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String autoDeploymentName = configuration instanceof SpringProcessEngineConfiguration spring ? spring.getDeploymentName() : null;
        trust = new DeploymentTrust(autoDeploymentName);
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new HoldCoreModels(trust, releases.getObject(), clock.getObject()));
        configuration.getCustomPostDeployers().add(new StartModelRelease(trust, releases.getObject()));
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (trust != null) {
            trust.applicationStarted();
        }
    }
}
