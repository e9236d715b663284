package io.supplyguard.switching;

import io.supplyguard.account.Accounts;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.switching.SwitchingRecords.Case;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * Where the listeners that validated a step record what the kernel will rely on (DESIGN.md §3a).
 * Who did it is the engine's authenticated user, never a form field; when it was recorded is the
 * server's clock; an instant a person claims is bounded by the task's creation and completion.
 */
@Service
public class SwitchingFacts {

    private final SwitchingRecords records;
    private final IdentityService identity;
    private final TripConditions conditions;
    private final CustomerRegistry registry;
    private final Accounts accounts;
    private final DisconnectionProperties properties;
    private final Clock clock;

    SwitchingFacts(SwitchingRecords records, IdentityService identity, TripConditions conditions, CustomerRegistry registry,
            Accounts accounts, DisconnectionProperties properties, Clock clock) {
        this.records = records;
        this.conditions = conditions;
        this.registry = registry;
        this.accounts = accounts;
        this.properties = properties;
        this.identity = identity;
        this.clock = clock;
    }

    /** First step of a disconnection: the customer and meter from the registry, the start from the clock. */
    public OffsetDateTime openCase(DelegateExecution execution, String customerNo, String meterNo) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        records.openCase(new Case(execution.getProcessInstanceId(), customerNo, meterNo, now));
        return now;
    }

    /**
     * 张贴停电通知书: {@code postedAt} as claimed, accepted only between the task's creation and now.
     * Returns the earliest execution: the lead days the decision table gives on the registry's data.
     */
    public OffsetDateTime noticePosted(DelegateTask task, String field, OffsetDateTime postedAt, String detail) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime created = task.getCreateTime().toInstant().atZone(clock.getZone()).toOffsetDateTime();
        if (postedAt.isAfter(now)) {
            throw new FactRejectedException(field, "cannot be in the future", "张贴时间不能晚于当前时间");
        }
        if (postedAt.isBefore(created)) {
            throw new FactRejectedException(field, "cannot be before the task was created (" + created + ")",
                    "张贴时间不能早于本任务的创建时间");
        }
        record(task, FactKind.NOTICE_POSTED, postedAt, now, detail);
        String customerNo = records.findCase(RootInstance.of(task.getExecution()))
                .orElseThrow(() -> new IllegalStateException("no disconnection case for " + task.getProcessInstanceId()))
                .customerNo();
        return earliestExecution(customerNo, postedAt);
    }

    /**
     * The earliest execution after a notice posted at {@code postedAt}: the lead days the decision
     * table gives today on the registry's data (what the notice task's listener records, and what a
     * printed notice announces).
     */
    public OffsetDateTime earliestExecution(String customerNo, OffsetDateTime postedAt) {
        int leadDays = noticeLeadDays(customerNo);
        return postedAt.plus(properties.noticeDay().multipliedBy(leadDays));
    }

    /** The notice lead days the decision table gives today on the registry's and the ledger's data. */
    public int noticeLeadDays(String customerNo) {
        int leadDays = conditions.policy(registry.get(customerNo), accounts.status(customerNo), LocalDate.now(clock)).noticeLeadDays();
        if (leadDays < 0) {
            throw new IllegalStateException("the decision table gives no notice lead days for customer " + customerNo);
        }
        return leadDays;
    }

    /** A fact as recorded for the kernel: who (the engine's user), the instant it is about, when it was recorded. */
    public record RecordedFact(FactKind kind, String recordedBy, OffsetDateTime occurredAt, OffsetDateTime recordedAt, String detail) {
    }

    /** The latest fact of this kind recorded for a disconnection (the root instance's id). */
    public Optional<RecordedFact> latest(String processInstanceId, FactKind kind) {
        return records.latest(processInstanceId, kind).map(f -> new RecordedFact(f.kind(), f.recordedBy(),
                f.occurredAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                f.recordedAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(), f.detail()));
    }

    /** An approval task's decision (approved or rejected), by whoever the engine authenticated. */
    public void decided(DelegateTask task, FactKind kind, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        record(task, kind, now, now, reason);
    }

    /** 报备书面通知 of an important customer: the notice time T chosen (the kernel checks it against the notice period). */
    public void writtenNotices(DelegateTask task, OffsetDateTime noticeTime, String detail) {
        record(task, FactKind.WRITTEN_NOTICES, noticeTime, OffsetDateTime.now(clock), detail);
    }

    /** A step of the double 15-minute rule (warning given, order issued), at the server's now. */
    public void stepDone(DelegateExecution execution, FactKind kind, String detail) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        records.addFact(RootInstance.of(execution), kind, null, null, now, now, detail);
    }

    /** The field crew's result of a cut order; {@code doneAt} bounded by the task's creation and now. */
    public void fieldResult(DelegateTask task, boolean done, OffsetDateTime doneAt, String field, String detail) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime created = task.getCreateTime().toInstant().atZone(clock.getZone()).toOffsetDateTime();
        OffsetDateTime at = doneAt != null ? doneAt : now;
        if (at.isAfter(now)) {
            throw new FactRejectedException(field, "cannot be in the future", "完成时间不能晚于当前时间");
        }
        if (at.isBefore(created)) {
            throw new FactRejectedException(field, "cannot be before the order was issued (" + created + ")",
                    "完成时间不能早于工单下达时间");
        }
        record(task, done ? FactKind.FIELD_CUT_DONE : FactKind.FIELD_CUT_NOT_DONE, at, now, detail);
    }

    private void record(DelegateTask task, FactKind kind, OffsetDateTime occurredAt, OffsetDateTime now, String detail) {
        records.addFact(RootInstance.of(task.getExecution()), kind, task.getId(), authenticatedUser(), occurredAt, now, detail);
    }

    /** Null when nobody is authenticated (a job, an internal call): the kernel accepts no such notice or approval. */
    private String authenticatedUser() {
        var authentication = identity.getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : null;
    }
}
