package io.supplyguard.disconnection;

/**
 * Variable names of {@code arrears-disconnection} and {@code important-customer-disconnection}.
 * The same names are the Camunda Form field keys and the DMN input/output names.
 */
public final class DisconnectionVariables {

    public static final String PROCESS_KEY = "arrears-disconnection";
    public static final String IMPORTANT_PROCESS_KEY = "important-customer-disconnection";
    public static final String DECISION_KEY = "disconnection-policy";

    public static final String MESSAGE_PAYMENT_RECEIVED = "Message_PaymentReceived";
    public static final String MESSAGE_EMERGENCY_RECONNECTION = "Message_EmergencyReconnection";
    public static final String MESSAGE_TERMINATION_REQUESTED = "Message_TerminationRequested";
    public static final String MESSAGE_SMS_DELIVERY_FAILED = "Message_SmsDeliveryFailed";
    /** A counter verification of the customer's contact (boundary of the two contact verification tasks). */
    public static final String MESSAGE_CONTACT_VERIFIED = "Message_ContactVerified";

    // customer, loaded at start
    public static final String CUSTOMER_NO = "customerNo";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_ADDRESS = "customerAddress";
    public static final String DISTRICT = "district";
    public static final String USAGE_CLASS = "usageClass";
    public static final String IMPORTANCE_GRADE = "importanceGrade";
    public static final String SAFETY_SENSITIVE = "safetySensitive";
    public static final String SAFETY_REASON = "safetyReason";
    public static final String SUPERVISING_BODY = "supervisingBody";
    public static final String AGREEMENT_SIGNED = "agreementSigned";
    public static final String POWER_GUARANTEE = "powerGuarantee";
    public static final String ARREARS = "arrears";
    public static final String DAYS_OVERDUE = "daysOverdue";
    public static final String OVERDUE_SINCE = "overdueSince";
    public static final String METER_NO = "meterNo";
    public static final String TRIGGER = "trigger";
    public static final String STARTED_AT = "startedAt";

    // decision disconnection-policy
    public static final String ELIGIBLE = "eligible";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    public static final String NOTICE_LEAD_DAYS = "noticeLeadDays";
    public static final String APPROVAL_REQUIRED = "approvalRequired";
    public static final String PATH = "path";

    // contact verification
    public static final String CONTACT_VERIFIED = "contactVerified";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String CONTACT_ROLE = "contactRole";
    public static final String CONTACT_CONFIRMED = "contactConfirmed";

    // notice
    public static final String NOTICE_POSTED_AT = "noticePostedAt";
    public static final String NOTICE_PLACE = "noticePlace";
    public static final String NOTICE_EVIDENCE_REF = "noticeEvidenceRef";
    public static final String EARLIEST_EXECUTION_AT = "earliestExecutionAt";
    /** Where the task forms link the printed notice ({@code GET /api/notices/{processInstanceId}.pdf}). */
    public static final String NOTICE_PDF = "noticePdf";

    // leader approval of the cut
    public static final String DISCONNECTION_APPROVED = "disconnectionApproved";
    public static final String DISCONNECTION_DECISION_REASON = "disconnectionDecisionReason";
    public static final String DISCONNECTION_DECIDED_BY = "disconnectionDecidedBy";

    // execution
    public static final String EXECUTION_AT = "executionAt";
    public static final String WINDOW_CLOSED_REASON = "windowClosedReason";
    public static final String VERIFICATION = "verification";
    public static final String VERIFICATION_DETAIL = "verificationDetail";
    public static final String TRIP_OUTCOME = "tripOutcome";
    public static final String TRIP_REASON = "tripReason";
    public static final String TRIP_AUDIT_ID = "tripAuditId";
    public static final String SUPPLY_CUT = "supplyCut";
    public static final String SUPPLY_CUT_AT = "supplyCutAt";

    // field work order (补停)
    public static final String FIELD_ORDER_REASON = "fieldOrderReason";
    public static final String FIELD_RESULT = "fieldResult";
    public static final String FIELD_RESULT_REASON = "fieldResultReason";
    public static final String FIELD_TERMINAL_ID = "fieldTerminalId";
    public static final String FIELD_DONE_AT = "fieldDoneAt";

    // termination
    public static final String TERMINATION_REASON = "terminationReason";
    public static final String TERMINATION_REQUESTED_BY = "terminationRequestedBy";
    public static final String TERMINATION_APPROVED = "terminationApproved";
    public static final String TERMINATION_DECISION_REASON = "terminationDecisionReason";
    public static final String TERMINATION_DECIDED_BY = "terminationDecidedBy";

    // important customers: written notices and the double 15-minute rule
    public static final String POWER_ADMIN_NOTICE_REF = "powerAdminNoticeRef";
    public static final String POWER_ADMIN_NOTICE_DATE = "powerAdminNoticeDate";
    public static final String SUPERVISING_BODY_NOTICE_REF = "supervisingBodyNoticeRef";
    public static final String SUPERVISING_BODY_NOTICE_DATE = "supervisingBodyNoticeDate";
    public static final String LOCAL_GOVERNMENT_NOTICE_REF = "localGovernmentNoticeRef";
    public static final String LOCAL_GOVERNMENT_NOTICE_DATE = "localGovernmentNoticeDate";
    public static final String JUDICIAL_NOTICE_REF = "judicialNoticeRef";
    public static final String JUDICIAL_NOTICE_DATE = "judicialNoticeDate";
    public static final String NOTICE_TIME = "noticeTime";
    public static final String WARNING_AT = "warningAt";
    public static final String ORDER_AT = "orderAt";
    public static final String EXECUTE_AT = "executeAt";
    public static final String ALARM_RAISED = "alarmRaised";
    /** Why the meter did not confirm its pre-trip alarm on or off. */
    public static final String ALARM_FAILURE = "alarmFailure";
    public static final String ORDER_ISSUED_AT = "orderIssuedAt";

    // result
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_REASON = "outcomeReason";
    public static final String EMERGENCY_REASON = "emergencyReason";

    private DisconnectionVariables() {
    }
}
