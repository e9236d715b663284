package io.supplyguard.dispute;

/**
 * Process {@code customer-dispute} (processes/customer-dispute.bpmn): id, activities and variable
 * names, which are also the form field keys.
 */
public final class DisputeVariables {

    public static final String PROCESS_ID = "customer-dispute";
    /** Correlated to the customer's waiting {@code arrears-disconnection} once a dispute is resolved. */
    public static final String MESSAGE_DISPUTE_RESOLVED = "Message_DisputeResolved";
    static final String DISCONNECTION_PROCESS_ID = "arrears-disconnection";

    // start form (Tasklist) and the body of POST /api/customers/{customerNo}/disputes
    public static final String CUSTOMER_NO = "customerNo";
    public static final String DISPUTE_KIND = "disputeKind";
    public static final String DISPUTE_TEXT = "disputeText";
    public static final String DISPUTE_SOURCE = "disputeSource";
    public static final String TICKET_NO = "ticketNo";

    // set by 登记争议
    public static final String DISPUTE_ID = "disputeId";
    public static final String RECORDED_BY = "recordedBy";
    /** Date: 3 working days after the recording, when the resolution escalates to the leaders. */
    public static final String ESCALATE_AT = "escalateAt";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String DISTRICT = "district";
    /** The registry records the relay OPEN or UNKNOWN: the reconnection desk considers an emergency reconnection. */
    public static final String CUSTOMER_CUT = "customerCut";

    // 评估应急复电 (reconnection desk)
    public static final String EMERGENCY_NEEDED = "emergencyNeeded";
    public static final String EMERGENCY_REASON = "emergencyReason";
    public static final String EMERGENCY_DESCRIPTION = "emergencyDescription";
    public static final String EMERGENCY_PROCESS_INSTANCE_ID = "emergencyProcessInstanceId";

    // 处理客户争议 (leaders, fee-control operators)
    public static final String DISPUTE_RESOLUTION = "disputeResolution";
    public static final String RESOLUTION_TEXT = "resolutionText";
    static final String TASK_RESOLVE = "Task_ResolveDispute";
    static final String TASK_RESOLVE_ESCALATED = "Task_ResolveEscalatedDispute";

    private DisputeVariables() {
    }
}
