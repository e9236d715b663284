package io.supplyguard.audit;

import io.supplyguard.audit.TimelineEntry.Kind;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.dispute.Dispute;
import io.supplyguard.dispute.Disputes;
import io.supplyguard.meter.MeterCommandAudit;
import io.supplyguard.meter.MeterCommandAudit.MeterCommandRecord;
import io.supplyguard.notification.SmsHistory;
import io.supplyguard.notification.SmsView;
import io.supplyguard.switching.SwitchingDecisionView;
import io.supplyguard.switching.SwitchingDecisions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Everything SupplyGuard did to one customer, in order (issue 7 item 4, DESIGN.md P6/P10): the
 * processes of the customer (business key = customer number) with their outcome, every task
 * completion with who, when and what was entered, every meter command with its frames, every SMS.
 */
@Service
public class CustomerTimeline {

    private final CustomerRegistry registry;
    private final HistoryService history;
    private final MeterCommandAudit meterAudit;
    private final SmsHistory sms;
    private final SwitchingDecisions switching;
    private final Disputes disputes;
    private final Clock clock;

    CustomerTimeline(CustomerRegistry registry, HistoryService history, MeterCommandAudit meterAudit, SmsHistory sms,
            SwitchingDecisions switching, Disputes disputes, Clock clock) {
        this.switching = switching;
        this.disputes = disputes;
        this.registry = registry;
        this.history = history;
        this.meterAudit = meterAudit;
        this.sms = sms;
        this.clock = clock;
    }

    /** @throws io.supplyguard.customer.CustomerNotFoundException for an unknown customer */
    public List<TimelineEntry> of(String customerNo) {
        CustomerView customer = registry.get(customerNo);
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricProcessInstance process : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(customerNo).list()) {
            addProcess(process, entries);
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(customerNo).finished().list()) {
            addTask(task, entries);
        }
        if (customer.meter() != null) {
            for (MeterCommandRecord command : meterAudit.listForMeter(customer.meter().commAddress())) {
                addMeterCommand(command, entries);
            }
        }
        for (SwitchingDecisionView decision : switching.of(customerNo)) {
            addDecision(decision, entries);
        }
        for (SmsView message : sms.of(customerNo)) {
            addSms(message, entries);
        }
        for (Dispute dispute : disputes.ofCustomer(customerNo)) {
            addDispute(dispute, entries);
        }
        // by instant (OffsetDateTime's natural order also compares local times), all shown in the business zone
        return entries.stream()
                .map(e -> new TimelineEntry(e.at().atZoneSameInstant(clock.getZone()).toOffsetDateTime(), e.kind(), e.title(),
                        e.actor(), e.processInstanceId(), e.details()))
                .sorted(Comparator.comparing((TimelineEntry e) -> e.at().toInstant()).thenComparing(e -> e.kind().ordinal()))
                .toList();
    }

    private void addProcess(HistoricProcessInstance process, List<TimelineEntry> entries) {
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("processDefinitionKey", process.getProcessDefinitionKey());
        started.put("trigger", variable(process.getId(), "trigger"));
        entries.add(new TimelineEntry(time(process.getStartTime()), Kind.PROCESS_STARTED,
                nameOf(process) + " 发起", process.getStartUserId(), process.getId(), started));
        if (process.getEndTime() != null) {
            Map<String, Object> ended = new LinkedHashMap<>();
            ended.put("processDefinitionKey", process.getProcessDefinitionKey());
            ended.put("state", process.getState());
            ended.put("outcome", variable(process.getId(), "outcome"));
            ended.put("outcomeReason", variable(process.getId(), "outcomeReason"));
            ended.put("deleteReason", process.getDeleteReason());
            entries.add(new TimelineEntry(time(process.getEndTime()), Kind.PROCESS_ENDED, nameOf(process) + " 结束",
                    null, process.getId(), ended));
        }
    }

    private void addTask(HistoricTaskInstance task, List<TimelineEntry> entries) {
        Map<String, Object> entered = new LinkedHashMap<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates()
                .processInstanceId(task.getProcessInstanceId()).list()) {
            if (task.getActivityInstanceId() != null && task.getActivityInstanceId().equals(detail.getActivityInstanceId())
                    && detail instanceof HistoricVariableUpdate update) {
                entered.put(update.getVariableName(), update.getValue());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskDefinitionKey", task.getTaskDefinitionKey());
        details.put("deleteReason", task.getDeleteReason());
        details.put("entered", entered);
        entries.add(new TimelineEntry(time(task.getEndTime()), Kind.TASK_COMPLETED, task.getName(), completedBy(task),
                task.getProcessInstanceId(), details));
    }

    /** The user operation log knows who completed a task even when it was never claimed. */
    private String completedBy(HistoricTaskInstance task) {
        return history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(u -> u != null).findFirst()
                .orElse(task.getAssignee());
    }

    private void addMeterCommand(MeterCommandRecord command, List<TimelineEntry> entries) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("busId", command.busId());
        details.put("address", command.address());
        details.put("meterNo", command.meterNo());
        details.put("outcome", command.outcome());
        details.put("reason", command.reason());
        details.put("durationMillis", command.durationMillis());
        details.put("activityId", command.activityId());
        details.put("frames", command.frames());
        entries.add(new TimelineEntry(command.startedAt().atZone(clock.getZone()).toOffsetDateTime(), Kind.METER_COMMAND,
                command.command(), command.userId(), command.processInstanceId(), details));
    }

    private void addDecision(SwitchingDecisionView decision, List<TimelineEntry> entries) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("command", decision.command());
        details.put("allowed", decision.allowed());
        details.put("reasonCode", decision.reasonCode());
        details.put("detail", decision.detail());
        details.put("meterNo", decision.meterNo());
        details.put("activityId", decision.activityId());
        String title = "开关内核 " + decision.command() + (decision.allowed() ? " 准予执行" : " 拒绝: " + decision.reasonCode());
        entries.add(new TimelineEntry(decision.decidedAt(), Kind.SWITCHING_DECISION, title, null,
                decision.processInstanceId(), details));
    }

    private void addDispute(Dispute dispute, List<TimelineEntry> entries) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("disputeId", dispute.id());
        recorded.put("kind", dispute.kind());
        recorded.put("source", dispute.source());
        recorded.put("ticketNo", dispute.ticketNo());
        recorded.put("text", dispute.description());
        recorded.put("escalateAt", dispute.escalateAt());
        entries.add(new TimelineEntry(dispute.recordedAt(), Kind.DISPUTE_RECORDED, "客户争议登记（" + dispute.kind() + "）",
                dispute.recordedBy(), dispute.processInstanceId(), recorded));
        if (dispute.resolvedAt() != null) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            resolved.put("disputeId", dispute.id());
            resolved.put("resolution", dispute.status());
            resolved.put("text", dispute.resolutionText());
            entries.add(new TimelineEntry(dispute.resolvedAt(), Kind.DISPUTE_RESOLVED,
                    "客户争议处理：" + (dispute.status() == Dispute.Status.UPHELD ? "成立" : "不成立"), dispute.resolvedBy(),
                    dispute.processInstanceId(), resolved));
        }
    }

    private void addSms(SmsView message, List<TimelineEntry> entries) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("template", message.template());
        details.put("text", message.text());
        details.put("phone", PhoneMask.mask(message.phone()));
        details.put("status", message.status());
        details.put("failureReason", message.failureReason());
        entries.add(new TimelineEntry(message.createdAt(), Kind.SMS, "短信 " + message.template(), null,
                message.processInstanceId(), details));
    }

    private Object variable(String processInstanceId, String name) {
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult();
        return variable != null ? variable.getValue() : null;
    }

    private static String nameOf(HistoricProcessInstance process) {
        return process.getProcessDefinitionName() != null ? process.getProcessDefinitionName() : process.getProcessDefinitionKey();
    }

    private OffsetDateTime time(Date date) {
        return date.toInstant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
