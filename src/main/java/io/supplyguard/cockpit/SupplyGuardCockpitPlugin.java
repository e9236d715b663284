package io.supplyguard.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * SupplyGuard's Cockpit plugin (issue 17): the history views Camunda 7 CE's Cockpit lacks. Found
 * by Cockpit through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin};
 * its front end is {@code plugin-webapp/supplyguard/app/plugin.js}, its server side
 * {@link SupplyGuardPluginResource} under {@code /camunda/api/cockpit/plugin/supplyguard/}.
 */
public class SupplyGuardCockpitPlugin extends AbstractCockpitPlugin {

    static final String ID = "supplyguard";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(SupplyGuardPluginResource.class);
    }
}
