package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.account.AccountStatus;
import io.supplyguard.account.Accounts;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.switching.FactKind;
import io.supplyguard.switching.SwitchingFacts;
import io.supplyguard.switching.SwitchingFacts.RecordedFact;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The notices of disconnections as SupplyGuard's records state them ({@link NoticeSheet}): one
 * disconnection's, or all that a district's manager is to post on a day (the open
 * 张贴停电通知书 tasks of the district created by the end of that day).
 */
@Service
class NoticeSheets {

    static final String NOTICE_TASK = "Task_RecordNoticePosting";

    private final HistoryService history;
    private final TaskService tasks;
    private final CustomerRegistry registry;
    private final Accounts accounts;
    private final SwitchingFacts facts;
    private final Clock clock;

    NoticeSheets(HistoryService history, TaskService tasks, CustomerRegistry registry, Accounts accounts, SwitchingFacts facts,
            Clock clock) {
        this.history = history;
        this.tasks = tasks;
        this.registry = registry;
        this.accounts = accounts;
        this.facts = facts;
        this.clock = clock;
    }

    /** The disconnection {@code processInstanceId} (or its important-customer sub-process) names; empty when none. */
    Optional<NoticeSheet> of(String processInstanceId) {
        HistoricProcessInstance named = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        HistoricProcessInstance instance = named != null && IMPORTANT_PROCESS_KEY.equals(named.getProcessDefinitionKey())
                ? history.createHistoricProcessInstanceQuery().processInstanceId(named.getRootProcessInstanceId()).singleResult()
                : named;
        if (instance == null || !PROCESS_KEY.equals(instance.getProcessDefinitionKey()) || instance.getBusinessKey() == null) {
            return Optional.empty();
        }
        return registry.find(instance.getBusinessKey()).map(customer -> sheet(customer, instance.getId(), LocalDate.now(clock)));
    }

    /** The notices to post in {@code district} on {@code date}, oldest task first. */
    List<NoticeSheet> dueIn(String district, LocalDate date) {
        Date endOfDay = Date.from(date.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKey(NOTICE_TASK)
                .processVariableValueEquals(DISTRICT, district).taskCreatedBefore(endOfDay).active()
                .orderByTaskCreateTime().asc().list().stream()
                .map(task -> registry.find(history.createHistoricProcessInstanceQuery()
                                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
                        .filter(customer -> district.equals(customer.district())) // the registry, not the variable, decides
                        .map(customer -> sheet(customer, task.getProcessInstanceId(), date)))
                .flatMap(Optional::stream)
                .toList();
    }

    private NoticeSheet sheet(CustomerView customer, String processInstanceId, LocalDate postingDay) {
        String customerNo = customer.customerNo();
        AccountStatus account = accounts.status(customerNo);
        Optional<RecordedFact> posted = facts.latest(processInstanceId, FactKind.NOTICE_POSTED);
        OffsetDateTime postingReference = posted.map(RecordedFact::occurredAt)
                .orElseGet(() -> postingDay.atStartOfDay(clock.getZone()).toOffsetDateTime());
        OffsetDateTime earliest = facts.earliestExecution(customerNo, postingReference);
        return new NoticeSheet(processInstanceId, customer, account.arrears(), account.overdueSince(),
                accounts.unpaidBills(customerNo),
                posted.map(f -> f.occurredAt().toLocalDate()).orElse(postingDay),
                posted.map(RecordedFact::occurredAt).orElse(null),
                posted.map(RecordedFact::recordedBy).orElse(null),
                posted.map(RecordedFact::detail).orElse(null),
                facts.noticeLeadDays(customerNo), earliest,
                facts.latest(processInstanceId, FactKind.WRITTEN_NOTICES).map(RecordedFact::occurredAt).orElse(null));
    }
}
