package io.supplyguard.reconnection;

/** Process {@code reconnection-sweep} (processes/reconnection-sweep.bpmn): id, activity ids, variable names. */
public final class ReconnectionSweepVariables {

    public static final String PROCESS_ID = "reconnection-sweep";

    /** Long: row of table reconnection_sweep holding the list. */
    public static final String SWEEP_ID = "sweepId";
    public static final String LISTED_COUNT = "listedCount";
    public static final String STARTED_COUNT = "startedCount";
    /** Short text of the list (shown on the follow-up form). */
    public static final String SWEEP_SUMMARY = "sweepSummary";
    public static final String REPORT_PUBLISHED = "reportPublished";
    public static final String FOLLOW_UP_REMARK = "followUpRemark";

    public static final String EVENT_SWEEP_TIME = "Event_SweepTime";
    public static final String TASK_FIND_DISCONNECTED_WITHOUT_ARREARS = "Task_FindDisconnectedWithoutArrears";
    public static final String TASK_START_RECONNECTIONS = "Task_StartReconnections";
    public static final String TASK_PUBLISH_SWEEP_REPORT = "Task_PublishSweepReport";
    public static final String TASK_CLOSE_SWEEP_LOOP = "Task_CloseSweepLoop";
    public static final String EVENT_NOTHING_LISTED = "Event_NothingListed";

    private ReconnectionSweepVariables() {
    }
}
