package io.supplyguard.reconnection;

/**
 * Process {@code payment-reconnection} (processes/payment-reconnection.bpmn): its id, activity ids
 * used from Java and tests, and its variable names (also the form field keys).
 */
public final class PaymentReconnectionVariables {

    public static final String PROCESS_ID = "payment-reconnection";

    // started with
    public static final String CUSTOMER_NO = "customerNo";
    public static final String METER_NO = "meterNo";
    public static final String DISTRICT = "district";
    /** PAYMENT, TRIP_CONFIRMED (paid while a trip was in flight) or SWEEP. */
    public static final String TRIGGER = "reconnectionTrigger";
    public static final String PAYMENT_ID = "paymentId";
    /** Date: when the customer paid; SLA and "no overnight" timers count from it. */
    public static final String PAID_AT = "paidAt";
    /** Date: the "no overnight" deadline (due date of the escalations and the field order). */
    public static final String OVERNIGHT_DEADLINE = "overnightDeadline";
    /** DIRECT_CLOSE or CLOSE_ALLOWED (customer presses the meter button). */
    public static final String CLOSE_MODE = "closeMode";

    // set by the steps
    /** MATCH, MISMATCH, NO_BINDING or UNREADABLE. */
    public static final String METER_CHECK = "meterCheck";
    public static final String REMOTE_CLOSED = "remoteClosed";
    /** The meter command outcome of the remote close (CommandOutcome name, or ALREADY_CLOSED). */
    public static final String REMOTE_CLOSE_OUTCOME = "remoteCloseOutcome";
    /** Why a field order is needed (shown on the order, recorded with it). */
    public static final String FIELD_ORDER_REASON = "fieldOrderReason";
    /** Field order result: RESTORED or NOT_RESTORED. */
    public static final String FIELD_RESULT = "fieldResult";
    public static final String FIELD_REMARK = "fieldRemark";
    public static final String FIELD_RESTORE_CONFIRMED = "fieldRestoreConfirmed";
    /** Date: relay confirmed closed. */
    public static final String RESTORED_AT = "restoredAt";
    /** REMOTE, ALREADY_CLOSED or FIELD. */
    public static final String RESTORED_BY = "restoredBy";
    /** Time to restore, payment to relay confirmed closed. */
    public static final String SECONDS_TO_RESTORE = "secondsToRestore";
    public static final String SMS_SENT = "smsSent";

    // escalation forms
    public static final String SUPERVISION_ACTION = "supervisionAction";
    public static final String SUPERVISION_REMARK = "supervisionRemark";
    public static final String OVERNIGHT_ACTION = "overnightAction";
    public static final String OVERNIGHT_REMARK = "overnightRemark";

    // activities
    public static final String TASK_VERIFY_METER_IDENTITY = "Task_VerifyMeterIdentity";
    public static final String TASK_REMOTE_CLOSE = "Task_RemoteClose";
    public static final String TASK_FIELD_RECONNECTION = "Task_FieldReconnection";
    public static final String TASK_VERIFY_FIELD_RESTORE = "Task_VerifyFieldRestore";
    public static final String TASK_SEND_RECONNECTED_SMS = "Task_SendReconnectedSms";
    public static final String TASK_SUPERVISE_RECONNECTION = "Task_SuperviseReconnection";
    public static final String TASK_HANDLE_OVERNIGHT = "Task_HandleOvernightReconnection";
    public static final String EVENT_SLA_ELAPSED = "Event_SlaElapsed";
    public static final String EVENT_OVERNIGHT_DEADLINE = "Event_OvernightDeadline";
    public static final String EVENT_RECONNECTED = "Event_Reconnected";

    private PaymentReconnectionVariables() {
    }
}
