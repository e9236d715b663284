package io.supplyguard.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything an auditor needs to judge one process instance (issue 17): where it went, who did
 * what and entered what, what the decision tables said, what went over the wire to the meter,
 * which SMS went out, who intervened, and how it ended. Times are in business time.
 */
public record InstanceHistory(
        Instance instance,
        List<ActivityStep> activities,
        List<UserTaskStep> userTasks,
        List<Decision> decisions,
        List<MeterCommand> meterCommands,
        List<Sms> sms,
        List<Intervention> operationLog,
        List<CalledInstance> calledInstances) {

    public record Instance(String id, String processDefinitionId, String processDefinitionKey, String processDefinitionName,
                           String businessKey, String state, OffsetDateTime startTime, OffsetDateTime endTime,
                           String startUserId, String superProcessInstanceId, String outcome, String outcomeReason,
                           String deleteReason) {
    }

    /** One BPMN element the instance passed through: how often, how long in total, and whether a token is there now. */
    public record ActivityStep(String activityId, String name, String type, int count, long totalMillis, int running) {
    }

    public record UserTaskStep(String taskId, String taskDefinitionKey, String name, OffsetDateTime created,
                               String claimedBy, OffsetDateTime claimedAt, String completedBy, OffsetDateTime completedAt,
                               String deleteReason, List<EnteredValue> entered) {
    }

    /** A value written by the task's completion; {@code display} is the form's label of a code, if it offered choices. */
    public record EnteredValue(String key, String label, Object value, String display) {
    }

    public record Decision(String decisionDefinitionKey, String decisionDefinitionName, OffsetDateTime evaluatedAt,
                           String activityId, List<NamedValue> inputs, List<NamedValue> outputs) {
    }

    public record NamedValue(String name, Object value) {
    }

    public record MeterCommand(String command, String address, String meterNo, String outcome, String reason,
                               OffsetDateTime startedAt, Long durationMillis, String userId, String activityId,
                               List<Frame> frames) {
    }

    public record Frame(String step, int attempt, String requestHex, String replyHex, String result,
                        OffsetDateTime startedAt, long durationMillis) {
    }

    /** An SMS of this instance; the phone number masked. */
    public record Sms(String template, String text, String phone, String status, OffsetDateTime createdAt,
                      String failureReason) {
    }

    /** An entry of the engine's user operation log: an admin's cancel, a modification, a claim... */
    public record Intervention(OffsetDateTime at, String userId, String operationType, String entityType, String property,
                               String orgValue, String newValue, String annotation) {
    }

    public record CalledInstance(String id, String processDefinitionKey, String processDefinitionName, String state,
                                 OffsetDateTime startTime, OffsetDateTime endTime) {
    }
}
