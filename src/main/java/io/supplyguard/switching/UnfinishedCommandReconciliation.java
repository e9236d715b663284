package io.supplyguard.switching;

import io.supplyguard.account.AccountStatus;
import io.supplyguard.account.Accounts;
import io.supplyguard.customer.BoundMeter;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import io.supplyguard.meter.BusOwnership;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.MeterCommandAudit;
import io.supplyguard.meter.MeterCommandAudit.UnfinishedCommand;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.MeterTarget;
import io.supplyguard.meter.Requester;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 item 5: a switching command that never got an outcome (the node was killed while it
 * ran) is settled by reading the relay back: the registry gets what the meter says (UNKNOWN if it
 * does not answer), and a customer who owes nothing while the relay is or may be open gets a
 * reconnection at once. The waiting process learns it when its job runs again: the kernel finds
 * the relay already in state. Runs for a bus when this node takes it over (before its dispatcher
 * starts: every unfinished command of the bus is then a previous owner's), and every minute for
 * the buses this node owns, for commands older than any command takes.
 */
@Component
class UnfinishedCommandReconciliation {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedCommandReconciliation.class);

    private final MeterCommandAudit audit;
    private final MeterControl meters;
    private final CustomerRegistry registry;
    private final Accounts accounts;
    private final PaidCustomerReconnection reconnection;
    private final TransactionTemplate transaction;
    private final Duration olderThan;
    private final Clock clock;
    private final BusOwnership ownership;

    UnfinishedCommandReconciliation(MeterCommandAudit audit, MeterControl meters, CustomerRegistry registry, Accounts accounts,
            PaidCustomerReconnection reconnection, PlatformTransactionManager transactions,
            @Value("${supplyguard.switching.reconcile-older-than:PT2M}") Duration olderThan, Clock clock, BusOwnership ownership) {
        this.ownership = ownership;
        this.audit = audit;
        this.meters = meters;
        this.registry = registry;
        this.accounts = accounts;
        this.reconnection = reconnection;
        this.transaction = new TransactionTemplate(transactions);
        this.olderThan = olderThan;
        this.clock = clock;
    }

    /** A bus this node has just taken over: everything unfinished on it is a previous owner's. */
    int atTakeOver(String busId) {
        return reconcile(Duration.ZERO, busId::equals);
    }

    @Scheduled(fixedDelayString = "${supplyguard.switching.reconcile-every:PT1M}", initialDelayString = "PT1M")
    void periodically() {
        reconcile(olderThan, ownership::owns);
    }

    /** Commands on the chosen buses started more than {@code age} ago. */
    int reconcile(Duration age, java.util.function.Predicate<String> onBus) {
        int settled = 0;
        for (UnfinishedCommand command : audit.unfinishedSwitching(clock.instant().minus(age))) {
            if (!onBus.test(command.busId())) {
                continue;
            }
            try {
                settle(command);
                settled++;
            } catch (RuntimeException e) {
                log.warn("unfinished command {} on {} not reconciled yet: {}", command.id(), command.address(), e.toString());
            }
        }
        return settled;
    }

    private void settle(UnfinishedCommand command) {
        Optional<BoundMeter> bound = registry.boundMetersAt(command.address()).stream()
                .filter(m -> m.busId().equals(command.busId()) && m.meterNo().equals(command.meterNo())).findFirst();
        if (!command.controlFrameQueued() || bound.isEmpty()) {
            audit.markReconciled(command.id(), command.controlFrameQueued() ? "reconciled: meter no longer bound"
                    : "reconciled: no control frame was queued", clock.instant());
            return;
        }
        MeterTarget target = registry.get(bound.get().customerNo()).meter().target();
        CommandResult read = meters.readRelayStatus(target, Requester.process(command.processInstanceId(), "StartupReconciliation"));
        RelayState state = !read.succeeded() || read.status() == null ? RelayState.UNKNOWN
                : read.status().relayOpen() ? RelayState.OPEN : RelayState.CLOSED;
        String customerNo = bound.get().customerNo();
        transaction.executeWithoutResult(s -> {
            AccountStatus account = accounts.lockForSwitching(customerNo);
            registry.recordRelayState(command.meterNo(), state);
            if (state != RelayState.CLOSED && !account.owes()) {
                reconnection.ensureRunning(customerNo, "RECONCILED_" + state);
            }
        });
        audit.markReconciled(command.id(), "reconciled: relay read back " + state, clock.instant());
        log.info("unfinished {} of meter {} (customer {}): relay {}", command.command(), command.meterNo(), customerNo, state);
    }
}
