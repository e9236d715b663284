package io.supplyguard.switching;

import io.supplyguard.account.AccountStatus;
import io.supplyguard.account.Accounts;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.RelayState;
import io.supplyguard.identity.Roles;
import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.Requester;
import io.supplyguard.switching.SwitchingRecords.Case;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The only way a process reaches a control frame (DESIGN.md §3a). A step names its instance, its
 * activity and the command; the kernel finds the customer (business key and case), the meter
 * (active binding) and every fact itself. For a trip the conditions of {@link TripConditions} are
 * decided immediately before the control frame is queued (and again if it waited in the bus
 * queue), in a transaction of their own under the account row lock that payment booking takes,
 * and the decision is recorded either way. The trip's result is recorded the same way: the relay
 * OPEN, or UNKNOWN when the frame may have gone out unconfirmed, and a reconnection started at
 * once if the customer owes nothing by then.
 */
@Service
public class SwitchingKernel {

    private static final Logger log = LoggerFactory.getLogger(SwitchingKernel.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CustomerRegistry registry;
    private final Accounts accounts;
    private final MeterControl meters;
    private final SwitchingRecords records;
    private final TripConditions trip;
    private final PaidCustomerReconnection reconnection;
    private final CommandExecutor ownTransaction;
    private final SwitchingCommands commands;
    private final BusWakeUps wakeUps;
    private final Clock clock;

    SwitchingKernel(ProcessEngine engine, CustomerRegistry registry, Accounts accounts, MeterControl meters,
            SwitchingRecords records, TripConditions trip, PaidCustomerReconnection reconnection, SwitchingCommands commands,
            BusWakeUps wakeUps, Clock clock) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.registry = registry;
        this.accounts = accounts;
        this.meters = meters;
        this.records = records;
        this.trip = trip;
        this.reconnection = reconnection;
        // a new engine command in a new transaction: commits whatever the calling job does afterwards
        this.ownTransaction = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequiresNew();
        this.commands = commands;
        this.wakeUps = wakeUps;
        this.clock = clock;
    }

    /**
     * Hands a waiting step's command to the durable queue, in the step's own transaction (issue 16):
     * no engine thread waits on a bus. Empty when queued (the execution then waits for
     * {@link #deliver}); a refusal that needs no bus (unknown customer, no meter, no case) is
     * recorded and returned at once.
     */
    public Optional<SwitchingOutcome> submit(SwitchingRequest request, String executionId) {
        Subject subject = subject(request);
        if (subject.refusal() != null) {
            record(request, subject, subject.refusal());
            if (subject.refusal().operatorMustAct()) {
                openOperatorTask(subject, subject.refusal());
            }
            return Optional.of(new SwitchingOutcome(subject.refusal(), null));
        }
        String busId = subject.customer().meter().target().busId();
        commands.enqueue(request, executionId, busId, OffsetDateTime.now(clock));
        wakeUps.afterCommit(busId);
        return Optional.empty();
    }

    /**
     * For the one step whose failure must stay a job failure — retried, then an incident — rather
     * than a path of the model (power guarantee off: the registry keeps the customer protected until
     * the meter confirms): the command goes through the bus owner's queue like every other, on
     * whichever node owns the bus, and this job's thread waits for its result, at most {@code patience}
     * (then the job fails and is retried). A rare step; every other one waits without a thread.
     */
    public SwitchingOutcome executeAndAwait(SwitchingRequest request, java.time.Duration patience) {
        Subject subject = subject(request);
        if (subject.refusal() != null) {
            inOwnTransaction(() -> record(request, subject, subject.refusal()));
            return new SwitchingOutcome(subject.refusal(), null);
        }
        String busId = subject.customer().meter().target().busId();
        // no execution waits in the activity for a signal: the dispatcher's delivery finds none and only marks it delivered
        String waiter = "job-awaits:" + java.util.UUID.randomUUID();
        long id = ownTransaction.execute(context -> {
            long queued = commands.enqueue(request, waiter, busId, OffsetDateTime.now(clock));
            wakeUps.afterCommit(busId);
            return queued;
        });
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<SwitchingOutcome> finished = commands.outcomeIfFinished(id);
            if (finished.isPresent()) {
                return finished.get();
            }
            if (System.nanoTime() > deadline) {
                throw new io.supplyguard.meter.MeterBusUnavailableException("switching command " + id + " on bus " + busId
                        + " has no result after " + patience + " (no owner of the bus, or its queue is long)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.supplyguard.meter.MeterBusUnavailableException("interrupted waiting for command " + id, e);
            }
        }
    }

    /** The dispatcher runs a queued command: the same decision and recording as {@link #execute}, then the result delivered. */
    void run(SwitchingCommands.QueuedCommand command) {
        // a second attempt: a node that died (or lost the bus) had it running, and may have sent its frame
        SwitchingOutcome outcome = execute(command.request(), command.attempts() > 1);
        if (!commands.finish(command, outcome, OffsetDateTime.now(clock))) {
            log.info("command {}: bus {} changed owner while it ran; its new owner runs it again", command.id(), command.busId());
            return;
        }
        deliver(command.id(), command.executionId(), command.request().activityId());
    }

    /** A command the driver could not complete (bus refused it, database away): a classified failure, delivered. */
    void notCompleted(SwitchingCommands.QueuedCommand command, RuntimeException cause) {
        try {
            if (commands.finish(command, new SwitchingOutcome(null, new CommandResult(CommandOutcome.NO_RESPONSE,
                    "not completed: " + cause.getMessage(), null, null, null, null)), OffsetDateTime.now(clock))) {
                deliver(command.id(), command.executionId(), command.request().activityId());
            }
        } catch (RuntimeException e) {
            log.warn("command {} stays running until the bus's next start: {}", command.id(), e.toString());
        }
    }

    /**
     * Signals the execution waiting for a command's result, if it still waits at that step. The
     * step marks the result delivered in the same transaction as it moves on ({@link #takeResult}),
     * so a result is consumed once, and a failed signal is retried by {@link #redeliver}.
     */
    void deliver(long commandId, String executionId, String activityId) {
        try {
            boolean waiting = runtime.createExecutionQuery().executionId(executionId).activityId(activityId).count() > 0;
            if (!waiting) {
                commands.delivered(commandId, OffsetDateTime.now(clock));
                log.info("command {}: execution {} no longer waits at {} (ended or moved on)", commandId, executionId, activityId);
                return;
            }
            runtime.signal(executionId);
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
            log.info("command {}: execution {} changed meanwhile; delivered again shortly", commandId, executionId);
        } catch (RuntimeException e) {
            log.warn("command {}: delivering to execution {} failed, delivered again shortly: {}", commandId, executionId, e.toString());
        }
    }

    void redeliver(OffsetDateTime finishedBefore) {
        for (SwitchingCommands.Undelivered u : commands.undelivered(finishedBefore, 100)) {
            commands.activityOf(u.id()).ifPresent(activity -> deliver(u.id(), u.executionId(), activity));
        }
    }

    /** For the waiting step, in its transaction: the result, marked delivered as the step moves on. */
    public Optional<SwitchingOutcome> takeResult(String executionId) {
        return commands.takeResult(executionId, OffsetDateTime.now(clock));
    }

    /**
     * Decides, sends (or not) and records; {@code resumed}: a node that died may have sent it
     * already (the status is read first). Never throws for a refusal: it is an outcome.
     */
    private SwitchingOutcome execute(SwitchingRequest request, boolean resumed) {
        Subject subject = subject(request);
        if (subject.refusal() != null) {
            inOwnTransaction(() -> record(request, subject, subject.refusal()));
            return new SwitchingOutcome(subject.refusal(), null);
        }
        if (request.isStatusRead()) {
            // a read decides nothing and switches nothing: no conditions, no decision record (the audit has its frames)
            return new SwitchingOutcome(null, meters.readRelayStatus(subject.customer().meter().target(),
                    Requester.process(request.processInstanceId(), request.activityId())));
        }
        AtomicBoolean allowedOnce = new AtomicBoolean();
        Refusal[] lastRefusal = new Refusal[1];
        io.supplyguard.meter.SendGuard guard = () -> {
            Optional<Refusal> refusal = decide(request, subject);
            refusal.ifPresentOrElse(r -> lastRefusal[0] = r, () -> allowedOnce.set(true));
            return refusal.map(Refusal::toString);
        };
        var target = subject.customer().meter().target();
        var requester = Requester.process(request.processInstanceId(), request.activityId());
        CommandResult result = resumed ? meters.resume(target, request.command(), requester, guard)
                : meters.execute(target, request.command(), requester, guard);
        if (request.command() == ControlCommand.TRIP) {
            recordTripResult(subject, result, allowedOnce.get());
        }
        Refusal refusal = result.outcome() == CommandOutcome.REFUSED && lastRefusal[0] != null ? lastRefusal[0] : null;
        if (result.outcome() == CommandOutcome.WRONG_METER) {
            refusal = Refusal.forOperator("WRONG_METER", result.reason());
            Refusal wrongMeter = refusal;
            inOwnTransaction(() -> record(request, subject, wrongMeter));
        }
        if (refusal != null && refusal.operatorMustAct()) {
            openOperatorTask(subject, refusal);
        }
        return new SwitchingOutcome(refusal, result);
    }

    /** The same decision without sending anything (the step before the trip); a refusal is recorded. */
    public Optional<Refusal> assess(SwitchingRequest request) {
        Subject subject = subject(request);
        if (subject.refusal() != null) {
            inOwnTransaction(() -> record(request, subject, subject.refusal()));
            return Optional.of(subject.refusal());
        }
        Optional<Refusal> refusal = ownTransaction.execute(context -> {
            AccountStatus account = accounts.lockForSwitching(subject.customerNo());
            CustomerView customer = registry.get(subject.customerNo());
            Optional<Refusal> r = conditions(request, subject, customer, account);
            r.ifPresent(found -> record(request, subject, found));
            return r;
        });
        refusal.filter(Refusal::operatorMustAct).ifPresent(r -> openOperatorTask(subject, r));
        return refusal;
    }

    /** The last-moment decision: own transaction, account row locked, fresh registry, recorded. */
    private Optional<Refusal> decide(SwitchingRequest request, Subject subject) {
        return ownTransaction.execute(context -> {
            AccountStatus account = accounts.lockForSwitching(subject.customerNo());
            CustomerView customer = registry.get(subject.customerNo());
            Optional<Refusal> refusal = conditions(request, subject, customer, account);
            if (refusal.isEmpty() && !customer.meter().meterNo().equals(subject.customer().meter().meterNo())) {
                refusal = Optional.of(Refusal.forOperator("BINDING_CHANGED", "the meter was rebound while the command ran"));
            }
            record(request, subject, refusal.orElse(null));
            return refusal;
        });
    }

    private Optional<Refusal> conditions(SwitchingRequest request, Subject subject, CustomerView customer, AccountStatus account) {
        if (request.command() != ControlCommand.TRIP) {
            return customer.meter() == null ? Optional.of(Refusal.forOperator("NO_METER", "no active meter binding"))
                    : Optional.empty();
        }
        return trip.check(subject.switchingCase(), subject.businessKey(), customer, account, OffsetDateTime.now(clock));
    }

    /** Relay OPEN on success, UNKNOWN when the frame may have gone out unconfirmed; reconnection if nothing is owed. */
    private void recordTripResult(Subject subject, CommandResult result, boolean allowedOnce) {
        RelayState state;
        if (result.succeeded()) {
            state = RelayState.OPEN;
        } else if (allowedOnce && result.outcome() != CommandOutcome.REJECTED) {
            state = RelayState.UNKNOWN;
        } else {
            return;
        }
        String meterNo = subject.customer().meter().meterNo();
        inOwnTransaction(() -> {
            AccountStatus account = accounts.lockForSwitching(subject.customerNo());
            registry.recordRelayState(meterNo, state);
            if (!account.owes()) {
                log.info("customer {} paid while the trip ran (relay {}): reconnection starts", subject.customerNo(), state);
                reconnection.ensureRunning(subject.customerNo(), "TRIP_" + state);
            }
        });
    }

    private void record(SwitchingRequest request, Subject subject, Refusal refusal) {
        String meterNo = subject.customer() != null && subject.customer().meter() != null
                ? subject.customer().meter().meterNo() : null;
        records.addDecision(request.processInstanceId(), request.activityId(), subject.customerNo(), meterNo,
                request.name(), refusal == null, refusal == null ? null : refusal.code(),
                refusal == null ? null : refusal.detail(), OffsetDateTime.now(clock));
    }

    /** Binding changed, another meter on the bus: the fee-control operators must look at the registry. */
    private void openOperatorTask(Subject subject, Refusal refusal) {
        Task task = tasks.newTask();
        task.setName("核对表计绑定：" + subject.customerNo());
        task.setDescription("开关指令被拒绝（" + refusal.code() + "）：" + refusal.detail() + "。请核对客户档案与现场表计。");
        task.setPriority(80);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Roles.FEE_CONTROL_OPERATORS);
    }

    private void inOwnTransaction(Runnable work) {
        ownTransaction.execute((Command<Void>) context -> {
            work.run();
            return null;
        });
    }

    /** Who the request is about, from the engine's instance and the case: the caller names neither. */
    private record Subject(String rootInstanceId, String businessKey, Case switchingCase, CustomerView customer,
            Refusal refusal) {

        String customerNo() {
            return customer != null ? customer.customerNo() : businessKey;
        }
    }

    private Subject subject(SwitchingRequest request) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(request.processInstanceId())
                .singleResult();
        if (instance == null) {
            return new Subject(null, null, null, null, Refusal.of("UNKNOWN_INSTANCE", "no running instance "
                    + request.processInstanceId()));
        }
        ProcessInstance root = instance;
        for (ProcessInstance parent; (parent = runtime.createProcessInstanceQuery().subProcessInstanceId(root.getId())
                .singleResult()) != null; ) {
            root = parent;
        }
        String businessKey = root.getBusinessKey();
        Case switchingCase = records.findCase(root.getId()).orElse(null);
        Optional<CustomerView> customer = businessKey == null ? Optional.empty() : registry.find(businessKey);
        Refusal refusal = null;
        if (customer.isEmpty()) {
            refusal = Refusal.of("UNKNOWN_CUSTOMER", "business key " + businessKey + " is no registered customer");
        } else if (customer.get().meter() == null) {
            refusal = Refusal.forOperator("NO_METER", "no active meter binding");
        } else if (request.command() == ControlCommand.TRIP && switchingCase == null) {
            refusal = Refusal.of("NO_CASE", "instance " + root.getId() + " is no disconnection of record");
        } else if (switchingCase != null && !switchingCase.customerNo().equals(businessKey)) {
            refusal = Refusal.of("BUSINESS_KEY_MISMATCH", "business key " + businessKey + " is not the case's customer "
                    + switchingCase.customerNo());
        }
        return new Subject(root.getId(), businessKey, switchingCase, customer.orElse(null), refusal);
    }
}
