package io.supplyguard.audit;

import io.supplyguard.audit.InstanceHistory.ActivityStep;
import io.supplyguard.audit.InstanceHistory.CalledInstance;
import io.supplyguard.audit.InstanceHistory.Decision;
import io.supplyguard.audit.InstanceHistory.EnteredValue;
import io.supplyguard.audit.InstanceHistory.Frame;
import io.supplyguard.audit.InstanceHistory.Instance;
import io.supplyguard.audit.InstanceHistory.Intervention;
import io.supplyguard.audit.InstanceHistory.MeterCommand;
import io.supplyguard.audit.InstanceHistory.NamedValue;
import io.supplyguard.audit.InstanceHistory.Sms;
import io.supplyguard.audit.InstanceHistory.UserTaskStep;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.meter.MeterCommandAudit;
import io.supplyguard.notification.SmsHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * The history of one process instance for the Cockpit plugin, read as the logged-in user: every
 * engine query goes through Camunda's authorization checks, so an instance the user may not read
 * is "not found", and SupplyGuard's own records (meter commands, SMS) are shown only for an
 * instance the engine let the user see. Without an authenticated user nothing is read at all
 * (the engine would skip its checks).
 */
@Service
public class ProcessInstanceHistory {

    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final CustomerRegistry registry;
    private final MeterCommandAudit meterAudit;
    private final SmsHistory sms;
    private final FormLabels forms;
    private final Clock clock;

    ProcessInstanceHistory(HistoryService history, RepositoryService repository, IdentityService identity,
                           CustomerRegistry registry, MeterCommandAudit meterAudit, SmsHistory sms, FormLabels forms,
                           Clock clock) {
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.registry = registry;
        this.meterAudit = meterAudit;
        this.sms = sms;
        this.forms = forms;
        this.clock = clock;
    }

    /** Empty when the instance does not exist or the current user may not read its history. */
    public Optional<InstanceHistory> of(String processInstanceId) {
        if (identity.getCurrentAuthentication() == null || identity.getCurrentAuthentication().getUserId() == null) {
            throw new IllegalStateException("the history of an instance is read only on behalf of a logged-in user");
        }
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (process == null) {
            return Optional.empty();
        }
        Optional<CustomerView> customer = process.getBusinessKey() == null ? Optional.empty()
                : registry.find(process.getBusinessKey());
        return Optional.of(new InstanceHistory(instance(process), activities(process), userTasks(process),
                decisions(process), meterCommands(process, customer), sms(process, customer), operationLog(process),
                calledInstances(process)));
    }

    private Instance instance(HistoricProcessInstance p) {
        return new Instance(p.getId(), p.getProcessDefinitionId(), p.getProcessDefinitionKey(), p.getProcessDefinitionName(),
                p.getBusinessKey(), p.getState(), time(p.getStartTime()), time(p.getEndTime()), p.getStartUserId(),
                p.getSuperProcessInstanceId(), string(variable(p.getId(), "outcome")),
                string(variable(p.getId(), "outcomeReason")), p.getDeleteReason());
    }

    private List<ActivityStep> activities(HistoricProcessInstance p) {
        Map<String, List<HistoricActivityInstance>> byActivity = new LinkedHashMap<>();
        history.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()
                .forEach(a -> byActivity.computeIfAbsent(a.getActivityId(), k -> new ArrayList<>()).add(a));
        return byActivity.values().stream().map(runs -> {
            HistoricActivityInstance first = runs.get(0);
            long total = runs.stream().map(HistoricActivityInstance::getDurationInMillis).filter(Objects::nonNull)
                    .mapToLong(Long::longValue).sum();
            int running = (int) runs.stream().filter(a -> a.getEndTime() == null).count();
            return new ActivityStep(first.getActivityId(), first.getActivityName(), first.getActivityType(), runs.size(),
                    total, running);
        }).toList();
    }

    private List<UserTaskStep> userTasks(HistoricProcessInstance p) {
        Map<String, Map<String, Object>> enteredByActivityInstance = new LinkedHashMap<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates().processInstanceId(p.getId())
                .orderByTime().asc().list()) {
            if (detail instanceof HistoricVariableUpdate update && detail.getActivityInstanceId() != null) {
                enteredByActivityInstance.computeIfAbsent(detail.getActivityInstanceId(), k -> new LinkedHashMap<>())
                        .put(update.getVariableName(), update.getValue());
            }
        }
        List<UserOperationLogEntry> taskLog = history.createUserOperationLogQuery().processInstanceId(p.getId()).list();
        List<UserTaskStep> steps = new ArrayList<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(p.getId())
                .orderByHistoricActivityInstanceStartTime().asc().list()) {
            FormLabels.Form form = forms.of(formRef(p.getProcessDefinitionId(), task.getTaskDefinitionKey()));
            List<EnteredValue> entered = task.getEndTime() == null ? List.of()
                    : enteredByActivityInstance.getOrDefault(task.getActivityInstanceId(), Map.of()).entrySet().stream()
                    .map(e -> new EnteredValue(e.getKey(), form.label(e.getKey()), e.getValue(), form.display(e.getKey(), e.getValue())))
                    .toList();
            Optional<UserOperationLogEntry> claim = last(taskLog, task.getId(), UserOperationLogEntry.OPERATION_TYPE_CLAIM);
            Optional<UserOperationLogEntry> complete = last(taskLog, task.getId(), UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
            steps.add(new UserTaskStep(task.getId(), task.getTaskDefinitionKey(), task.getName(), time(task.getStartTime()),
                    claim.map(UserOperationLogEntry::getUserId).orElse(null), claim.map(e -> time(e.getTimestamp())).orElse(null),
                    task.getEndTime() == null ? null
                            : complete.map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).orElse(task.getAssignee()),
                    time(task.getEndTime()), task.getDeleteReason(), entered));
        }
        return steps;
    }

    private static Optional<UserOperationLogEntry> last(List<UserOperationLogEntry> log, String taskId, String operation) {
        return log.stream().filter(e -> taskId.equals(e.getTaskId()) && operation.equals(e.getOperationType()))
                .max(Comparator.comparing(UserOperationLogEntry::getTimestamp));
    }

    private final Map<String, String> formRefs = new java.util.concurrent.ConcurrentHashMap<>();

    /** The {@code camunda:formRef} of a user task, from the (immutable) deployed model. */
    private String formRef(String processDefinitionId, String taskDefinitionKey) {
        return formRefs.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, k -> {
            UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
            return task == null || task.getCamundaFormRef() == null ? "" : task.getCamundaFormRef();
        });
    }

    private List<Decision> decisions(HistoricProcessInstance p) {
        return history.createHistoricDecisionInstanceQuery().processInstanceId(p.getId()).includeInputs().includeOutputs()
                .orderByEvaluationTime().asc().list().stream()
                .map(d -> new Decision(d.getDecisionDefinitionKey(), d.getDecisionDefinitionName(), time(d.getEvaluationTime()),
                        d.getActivityId(),
                        d.getInputs().stream().map(i -> new NamedValue(i.getClauseName(), i.getValue())).toList(),
                        d.getOutputs().stream().map(o -> new NamedValue(
                                o.getClauseName() != null ? o.getClauseName() : o.getVariableName(), o.getValue())).toList()))
                .toList();
    }

    private List<MeterCommand> meterCommands(HistoricProcessInstance p, Optional<CustomerView> customer) {
        if (customer.isEmpty() || customer.get().meter() == null) {
            return List.of();
        }
        return meterAudit.listForMeter(customer.get().meter().commAddress()).stream()
                .filter(c -> p.getId().equals(c.processInstanceId()))
                .map(c -> new MeterCommand(c.command(), c.address(), c.meterNo(), c.outcome(), c.reason(), time(c.startedAt()),
                        c.durationMillis(), c.userId(), c.activityId(), c.frames().stream()
                        .map(f -> new Frame(f.step(), f.attempt(), f.requestHex(), f.replyHex(), f.result(), time(f.startedAt()),
                                f.durationMillis())).toList()))
                .toList();
    }

    private List<Sms> sms(HistoricProcessInstance p, Optional<CustomerView> customer) {
        if (customer.isEmpty()) {
            return List.of();
        }
        return sms.of(customer.get().customerNo()).stream().filter(m -> p.getId().equals(m.processInstanceId()))
                .sorted(Comparator.comparing(m -> m.createdAt().toInstant()))
                .map(m -> new Sms(String.valueOf(m.template()), m.text(), PhoneMask.mask(m.phone()), String.valueOf(m.status()),
                        m.createdAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(), m.failureReason()))
                .toList();
    }

    private List<Intervention> operationLog(HistoricProcessInstance p) {
        return history.createUserOperationLogQuery().processInstanceId(p.getId()).orderByTimestamp().asc().list().stream()
                .map(e -> new Intervention(time(e.getTimestamp()), e.getUserId(), e.getOperationType(), e.getEntityType(),
                        e.getProperty(), e.getOrgValue(), e.getNewValue(), e.getAnnotation()))
                .toList();
    }

    private List<CalledInstance> calledInstances(HistoricProcessInstance p) {
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(p.getId()).orderByProcessInstanceStartTime()
                .asc().list().stream()
                .map(c -> new CalledInstance(c.getId(), c.getProcessDefinitionKey(), c.getProcessDefinitionName(), c.getState(),
                        time(c.getStartTime()), time(c.getEndTime())))
                .toList();
    }

    private Object variable(String processInstanceId, String name) {
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult();
        return variable != null ? variable.getValue() : null;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(clock.getZone()).toOffsetDateTime();
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
