package io.supplyguard.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The role groups exist in every installation: BPMN candidate groups refer to them. */
@Component
class RoleGroupsSeeder {

    private final IdentityDirectory directory;

    RoleGroupsSeeder(IdentityDirectory directory) {
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seed() {
        directory.ensureRoleGroups();
    }
}
