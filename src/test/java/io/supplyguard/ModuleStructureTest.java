package io.supplyguard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature modules talk only through each other's root package, and never in cycles. */
class ModuleStructureTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(SupplyGuardApplication.class).verify();
    }
}
