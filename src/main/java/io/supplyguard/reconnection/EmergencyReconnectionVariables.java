package io.supplyguard.reconnection;

/**
 * Process {@code emergency-reconnection} (processes/emergency-reconnection.bpmn): id, message,
 * activity ids and variable names (also the form field keys). Names shared with payment
 * reconnection (customer, meter, field order, restoration) are the same variables.
 */
public final class EmergencyReconnectionVariables {

    public static final String PROCESS_ID = "emergency-reconnection";
    /** Correlated to every running {@link #DISCONNECTION_PROCESS_ID} of the customer, with {@link #EMERGENCY_REASON}. */
    public static final String MESSAGE_EMERGENCY_RECONNECTION = "Message_EmergencyReconnection";
    public static final String DISCONNECTION_PROCESS_ID = "arrears-disconnection";

    // start form
    public static final String CUSTOMER_NO = PaymentReconnectionVariables.CUSTOMER_NO;
    /** DANGER_TO_LIFE or MAJOR_PROPERTY_LOSS. */
    public static final String EMERGENCY_REASON = "emergencyReason";
    public static final String EMERGENCY_DESCRIPTION = "emergencyDescription";
    public static final String REPORTER_NAME = "reporterName";
    public static final String REPORTER_PHONE = "reporterPhone";
    /** The Tasklist user who registered the report (camunda:initiator). */
    public static final String REPORTED_BY = "reportedBy";

    // set by the steps
    public static final String METER_NO = PaymentReconnectionVariables.METER_NO;
    public static final String DISTRICT = PaymentReconnectionVariables.DISTRICT;
    public static final String CLOSE_MODE = PaymentReconnectionVariables.CLOSE_MODE;
    /** Date: when the emergency was reported; time to restore counts from it. */
    public static final String REPORTED_AT = "reportedAt";
    /** Emergencies always close directly, whatever the meter's close mode. */
    public static final String FORCE_DIRECT_CLOSE = RemoteCloseDelegate.FORCE_DIRECT_CLOSE;
    /** How many disconnection processes the emergency ended. */
    public static final String DISCONNECTIONS_STOPPED = "disconnectionsStopped";
    /** Whether the meter itself confirmed power guarantee on (the registry flag is set regardless). */
    public static final String METER_GUARANTEE_SET = "meterGuaranteeSet";
    public static final String REMOTE_CLOSED = PaymentReconnectionVariables.REMOTE_CLOSED;
    public static final String FIELD_RESULT = PaymentReconnectionVariables.FIELD_RESULT;
    public static final String FIELD_REMARK = PaymentReconnectionVariables.FIELD_REMARK;
    public static final String FIELD_ORDER_REASON = PaymentReconnectionVariables.FIELD_ORDER_REASON;
    public static final String RESTORED_AT = PaymentReconnectionVariables.RESTORED_AT;
    public static final String RESTORED_BY = PaymentReconnectionVariables.RESTORED_BY;
    public static final String SECONDS_TO_RESTORE = PaymentReconnectionVariables.SECONDS_TO_RESTORE;

    // leader approval of the release
    /** APPROVED or REJECTED. */
    public static final String RELEASE_DECISION = "releaseDecision";
    public static final String RELEASE_REMARK = "releaseRemark";

    // activities
    public static final String TASK_REGISTER_EMERGENCY = "Task_RegisterEmergency";
    public static final String TASK_STOP_DISCONNECTION = "Task_StopDisconnection";
    public static final String TASK_POWER_GUARANTEE_ON = "Task_PowerGuaranteeOn";
    public static final String TASK_EMERGENCY_CLOSE = "Task_EmergencyClose";
    public static final String TASK_EMERGENCY_FIELD_RECONNECTION = "Task_EmergencyFieldReconnection";
    public static final String TASK_VERIFY_EMERGENCY_FIELD_RESTORE = "Task_VerifyEmergencyFieldRestore";
    public static final String EVENT_GUARANTEE_PERIOD_ELAPSED = "Event_GuaranteePeriodElapsed";
    public static final String TASK_APPROVE_GUARANTEE_RELEASE = "Task_ApproveGuaranteeRelease";
    public static final String TASK_POWER_GUARANTEE_OFF = "Task_PowerGuaranteeOff";
    public static final String EVENT_GUARANTEE_RELEASED = "Event_GuaranteeReleased";

    private EmergencyReconnectionVariables() {
    }
}
