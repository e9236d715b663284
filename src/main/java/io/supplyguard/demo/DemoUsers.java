package io.supplyguard.demo;

import io.supplyguard.identity.Roles;
import java.util.List;

/** One demo user per role group; the password is the user id (documented in the README). */
final class DemoUsers {

    record DemoUser(String id, String firstName, String lastName, String... groupIds) {
    }

    static final List<DemoUser> ALL = List.of(
            new DemoUser("operator", "费控", "专责", Roles.FEE_CONTROL_OPERATORS),
            new DemoUser("leader", "分管", "领导", Roles.LEADERS),
            new DemoUser("manager", "台区", "经理", Roles.DISTRICT_MANAGERS, Roles.districtManagersOf("TQ-001"),
                    Roles.districtManagersOf("TQ-002")),
            new DemoUser("manager3", "台区", "经理三", Roles.DISTRICT_MANAGERS, Roles.districtManagersOf("TQ-003"),
                    Roles.districtManagersOf("TQ-004")),
            new DemoUser("desk", "复电", "专席", Roles.RECONNECTION_DESK),
            new DemoUser("duty", "县级", "值班员", Roles.COUNTY_DUTY),
            new DemoUser("crew", "现场", "作业员", Roles.FIELD_CREW, Roles.fieldCrewOf("TQ-001"), Roles.fieldCrewOf("TQ-002"),
                    Roles.fieldCrewOf("TQ-003"), Roles.fieldCrewOf("TQ-004")),
            new DemoUser("auditor", "稽查", "审计", Roles.AUDITORS),
            new DemoUser("designer", "流程", "设计", Roles.PROCESS_DESIGNERS),
            new DemoUser("counter", "营业厅", "柜员", Roles.COUNTER_STAFF),
            new DemoUser("billing", "营销", "系统", Roles.BILLING_SYSTEM),
            new DemoUser("admin", "系统", "管理员", Roles.ADMINS));

    private DemoUsers() {
    }
}
