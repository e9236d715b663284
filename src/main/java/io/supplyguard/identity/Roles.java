package io.supplyguard.identity;

import java.util.List;

/** The Camunda groups of SupplyGuard's roles (DESIGN.md §2); ids are what BPMN candidate groups use. */
public final class Roles {

    public static final String FEE_CONTROL_OPERATORS = "fee-control-operators";
    public static final String LEADERS = "leaders";
    public static final String DISTRICT_MANAGERS = "district-managers";
    public static final String RECONNECTION_DESK = "reconnection-desk";
    public static final String COUNTY_DUTY = "county-duty";
    public static final String FIELD_CREW = "field-crew";
    public static final String AUDITORS = "auditors";
    public static final String PROCESS_DESIGNERS = "process-designers";
    /** Service accounts of the billing/marketing system and the SMS gateway (payments, bills, readings, receipts). */
    public static final String BILLING_SYSTEM = "billing-system";
    /** 营业厅: counter staff who confirm or correct a customer's contacts at any visit. */
    public static final String COUNTER_STAFF = "counter-staff";
    /** Camunda's own administrators group. */
    public static final String ADMINS = "camunda-admin";

    /** Group id and its Chinese display name, in the order Admin lists them. */
    public record Role(String groupId, String name) {
    }

    public static final List<Role> ALL = List.of(
            new Role(FEE_CONTROL_OPERATORS, "费控专责"),
            new Role(LEADERS, "领导"),
            new Role(DISTRICT_MANAGERS, "台区经理"),
            new Role(RECONNECTION_DESK, "复电专席"),
            new Role(COUNTY_DUTY, "县级值班员"),
            new Role(FIELD_CREW, "现场作业人员"),
            new Role(AUDITORS, "审计"),
            new Role(PROCESS_DESIGNERS, "流程设计"),
            new Role(COUNTER_STAFF, "营业厅"),
            new Role(BILLING_SYSTEM, "营销系统接口"),
            new Role(ADMINS, "系统管理员"));

    /** Who may read customers' timelines and the KPIs, on {@code /api} and in the Cockpit plugin. */
    public static final List<String> READERS_OF_CUSTOMER_HISTORY = List.of(FEE_CONTROL_OPERATORS, AUDITORS, LEADERS,
            RECONNECTION_DESK, COUNTY_DUTY, ADMINS);

    /** Staff who work in Tasklist. */
    public static final List<String> TASKLIST_USERS = List.of(FEE_CONTROL_OPERATORS, LEADERS, DISTRICT_MANAGERS,
            RECONNECTION_DESK, COUNTY_DUTY, FIELD_CREW, COUNTER_STAFF);

    /**
     * The candidate group of a district's managers: a district manager works the tasks of the
     * districts whose group they are in, and no others.
     */
    public static String districtManagersOf(String district) {
        return DISTRICT_MANAGERS + "-" + district;
    }

    /** The candidate group of a district's field crew. */
    public static String fieldCrewOf(String district) {
        return FIELD_CREW + "-" + district;
    }

    private Roles() {
    }
}
