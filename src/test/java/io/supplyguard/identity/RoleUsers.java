package io.supplyguard.identity;

import java.util.Base64;
import java.nio.charset.StandardCharsets;

/** One user per role for the security tests; district users belong to test districts T01/T03. */
public final class RoleUsers {

    public static final String OPERATOR = "sec-operator";
    public static final String LEADER = "sec-leader";
    public static final String MANAGER_T01 = "sec-manager-t01";
    public static final String MANAGER_T03 = "sec-manager-t03";
    public static final String DESK = "sec-desk";
    public static final String DUTY = "sec-duty";
    public static final String CREW_T01 = "sec-crew-t01";
    public static final String AUDITOR = "sec-auditor";
    public static final String DESIGNER = "sec-designer";
    /** A leader who also designs models: may deploy, may not release his own version (four eyes). */
    public static final String LEADING_DESIGNER = "sec-leading-designer";
    public static final String BILLING = "sec-billing";
    /** 营业厅 */
    public static final String COUNTER = "sec-counter";
    public static final String ADMIN = "sec-admin";

    private RoleUsers() {
    }

    public static String password(String user) {
        return "pw-" + user;
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
    }

    public static void ensure(IdentityDirectory directory) {
        directory.ensureRoleGroups();
        directory.ensureDistrictGroups("TQ-T01");
        directory.ensureDistrictGroups("TQ-T03");
        user(directory, OPERATOR, Roles.FEE_CONTROL_OPERATORS);
        user(directory, LEADER, Roles.LEADERS);
        user(directory, MANAGER_T01, Roles.DISTRICT_MANAGERS, Roles.districtManagersOf("TQ-T01"));
        user(directory, MANAGER_T03, Roles.DISTRICT_MANAGERS, Roles.districtManagersOf("TQ-T03"));
        user(directory, DESK, Roles.RECONNECTION_DESK);
        user(directory, DUTY, Roles.COUNTY_DUTY);
        user(directory, CREW_T01, Roles.FIELD_CREW, Roles.fieldCrewOf("TQ-T01"));
        user(directory, AUDITOR, Roles.AUDITORS);
        user(directory, DESIGNER, Roles.PROCESS_DESIGNERS);
        user(directory, LEADING_DESIGNER, Roles.LEADERS, Roles.PROCESS_DESIGNERS);
        user(directory, BILLING, Roles.BILLING_SYSTEM);
        user(directory, COUNTER, Roles.COUNTER_STAFF);
        user(directory, ADMIN, Roles.ADMINS);
    }

    private static void user(IdentityDirectory directory, String id, String... groups) {
        directory.ensureUser(id, id, "test", password(id), groups);
    }
}
