package io.supplyguard.meter;

import io.supplyguard.meter.bus.Priority;
import io.supplyguard.meter.dlt645.Address;
import io.supplyguard.meter.dlt645.ControlRequest;
import io.supplyguard.meter.dlt645.DataIdentifier;
import io.supplyguard.meter.dlt645.Dlt645;
import io.supplyguard.meter.dlt645.MalformedFrameException;
import io.supplyguard.meter.dlt645.StatusWord3;
import io.supplyguard.meter.dlt645.Values;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MeterControl} over DL/T 645 buses. A switching command checks the meter's own number,
 * for a trip reads the status (already open? power guarantee on?), sends control 1CH with a
 * validity deadline of now + window in the business time zone, then polls status word 3 until the
 * intended state shows or the confirmation timeout passes.
 */
final class BusMeterControl implements MeterControl, MeterCommissioning {

    private static final Logger log = LoggerFactory.getLogger(BusMeterControl.class);
    private static final String READ_ADDRESS = "READ_ADDRESS";

    private final MeterBuses buses;
    private final CommandAuditor audit;
    private final Clock clock;
    private final MeterSettings settings;
    private final IdentityAuthentication cipherMode;

    BusMeterControl(MeterBuses buses, CommandAuditor audit, Clock clock, MeterSettings settings) {
        this(buses, audit, clock, settings, IdentityAuthentication.NO_SECURITY_MODULE);
    }

    BusMeterControl(MeterBuses buses, CommandAuditor audit, Clock clock, MeterSettings settings,
                    IdentityAuthentication cipherMode) {
        this.buses = buses;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.cipherMode = cipherMode;
    }

    @Override
    public java.util.List<String> busIds() {
        return buses.ids();
    }

    @Override
    public CommandResult readRelayStatus(MeterTarget target, Requester requester) {
        return run(target, "READ_STATUS", Priority.ROUTINE, requester, (conversation, id) -> {
            Answer<RelayStatus> status = readStatus(conversation, target);
            return status.ok() ? result(CommandOutcome.CONFIRMED, null, status.value(), null, null, id)
                    : failed(status, null, id);
        });
    }

    @Override
    public CommandResult readMeterNumber(MeterTarget target, Requester requester) {
        return run(target, "READ_METER_NUMBER", Priority.ROUTINE, requester, (conversation, id) -> {
            Answer<String> number = readNumber(conversation, target);
            if (!number.ok()) {
                return failed(number, null, id);
            }
            return matchesRegistry(target, number.value())
                    ? result(CommandOutcome.CONFIRMED, null, null, number.value(), null, id)
                    : result(CommandOutcome.WRONG_METER, mismatch(target, number.value()), null, number.value(), null, id);
        });
    }

    @Override
    public CommandResult readRemainingMoney(MeterTarget target, Requester requester) {
        return run(target, "READ_REMAINING_MONEY", Priority.ROUTINE, requester, (conversation, id) -> {
            Answer<BigDecimal> money = conversation.ask(
                    Dlt645.readData(target.address(), DataIdentifier.REMAINING_MONEY), "READ_REMAINING_MONEY", Values::money);
            return money.ok() ? result(CommandOutcome.CONFIRMED, null, null, null, money.value(), id) : failed(money, null, id);
        });
    }

    @Override
    public CommandResult execute(MeterTarget target, ControlCommand command, Requester requester, SendGuard guard) {
        return switching(target, command, requester, guard, command == ControlCommand.TRIP);
    }

    @Override
    public CommandResult resume(MeterTarget target, ControlCommand command, Requester requester, SendGuard guard) {
        return switching(target, command, requester, guard, true);
    }

    private CommandResult switching(MeterTarget target, ControlCommand command, Requester requester, SendGuard guard,
                                    boolean statusFirst) {
        if (requester == null || requester.processInstanceId() == null && requester.userId() == null) {
            // P6: no switching that the audit cannot trace to a process step or a person
            throw new IllegalArgumentException(command + " needs a requester with a process instance or a user id");
        }
        Priority priority = command.urgent() ? Priority.URGENT : Priority.ROUTINE;
        return run(target, command.name(), priority, requester,
                (conversation, id) -> switchMeter(conversation, target, command, guard, statusFirst, id));
    }

    @Override
    public AddressReading readAddress(String busId, Requester requester) {
        long started = System.nanoTime();
        long id = audit.begin(busId, Address.WILDCARD, null, READ_ADDRESS, requester);
        Answer<String> address;
        try {
            address = conversation(busId, Priority.ROUTINE, id).ask(Dlt645.readAddress(), READ_ADDRESS, Values::address);
        } catch (RuntimeException e) {
            audit.finish(id, null, "not completed: " + e.getMessage(), millisSince(started));
            throw e;
        }
        CommandOutcome outcome = address.ok() ? CommandOutcome.CONFIRMED : address.failure();
        audit.finish(id, outcome, address.ok() ? "address " + address.value() : address.reason(), millisSince(started));
        return new AddressReading(outcome, address.reason(), address.value(), id);
    }

    /**
     * The fewest transactions a switching command can do with (issue 16): the meter's own number
     * (never switch a meter the registry does not bind), for a trip the status first (already open,
     * or a power guarantee that forbids it), the control frame, then the read-back. A close, alarm
     * or guarantee command on a meter already in state is harmless, so nothing is read before it —
     * unless the command is resumed after a node died ({@code statusFirst}): then a frame may already
     * have gone out, and the status read keeps it from going out twice.
     */
    private CommandResult switchMeter(Conversation conversation, MeterTarget target, ControlCommand command, SendGuard guard,
                                      boolean statusFirst, long id) {
        String meterNo = null;
        if (hasText(target.meterNo())) {
            Answer<String> number = readNumber(conversation, target);
            if (!number.ok()) {
                return failed(number, null, id);
            }
            meterNo = number.value();
            if (!matchesRegistry(target, meterNo)) {
                return result(CommandOutcome.WRONG_METER, mismatch(target, meterNo), null, meterNo, null, id);
            }
        }
        RelayStatus before = null;
        if (statusFirst) {
            Answer<RelayStatus> status = readStatus(conversation, target);
            if (!status.ok()) {
                return result(status.failure(), status.reason(), null, meterNo, null, id);
            }
            before = status.value();
            if (IntendedState.reached(command, before)) {
                return result(CommandOutcome.ALREADY_IN_STATE, null, before, meterNo, null, id);
            }
            if (command == ControlCommand.TRIP && before.powerGuarantee()) {
                return result(CommandOutcome.GUARANTEED, "power guarantee is on; trip not sent", before, meterNo, null, id);
            }
        }
        if (IdentityAuthentication.required(target)) {
            Answer<Void> authenticated = cipherMode.authenticate(conversation, target);
            if (!authenticated.ok()) {
                return result(authenticated.failure(), authenticated.reason(), before, meterNo, null, id);
            }
        }
        Optional<String> refused = guard.refusal();
        if (refused.isPresent()) {
            return result(CommandOutcome.REFUSED, refused.get(), before, meterNo, null, id);
        }
        Answer<byte[]> acknowledged = conversation.askGuarded(Dlt645.control(target.address(), controlRequest(target, command)),
                "CONTROL_" + command.name(), value -> value, guard);
        if (!acknowledged.ok()) {
            return result(acknowledged.failure(), acknowledged.reason(), before, meterNo, null, id);
        }
        return confirm(conversation, target, command, before, meterNo, id);
    }

    /** Polls status word 3 until the intended state shows or the confirmation timeout passes. */
    private CommandResult confirm(Conversation conversation, MeterTarget target, ControlCommand command,
                                  RelayStatus lastKnown, String meterNo, long id) {
        long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
        String lastProblem = null;
        while (true) {
            Answer<RelayStatus> status = readStatus(conversation, target);
            if (status.ok()) {
                lastKnown = status.value();
                if (IntendedState.reached(command, lastKnown)) {
                    return result(CommandOutcome.CONFIRMED, null, lastKnown, meterNo, null, id);
                }
            } else {
                lastProblem = status.failure() + ": " + status.reason();
            }
            if (System.nanoTime() + settings.confirmPollInterval().toNanos() > deadline) {
                String reason = "acknowledged, but status word 3 did not show " + command + " within "
                        + settings.confirmTimeout().toMillis() + " ms" + (lastProblem == null ? "" : " (last read: " + lastProblem + ")");
                return result(CommandOutcome.NOT_CONFIRMED, reason, lastKnown, meterNo, null, id);
            }
            Conversation.pause(settings.confirmPollInterval());
        }
    }

    private ControlRequest controlRequest(MeterTarget target, ControlCommand command) {
        LocalDateTime deadline = LocalDateTime.now(clock).plus(settings.deadlineWindow());
        return new ControlRequest(target.passwordLevel(), target.password(), target.operatorCode(), command.n1(), deadline);
    }

    private Answer<RelayStatus> readStatus(Conversation conversation, MeterTarget target) {
        return conversation.ask(Dlt645.readData(target.address(), DataIdentifier.STATUS_WORD_3), "READ_STATUS",
                value -> toRelayStatus(Values.statusWord3(value)));
    }

    private Answer<String> readNumber(Conversation conversation, MeterTarget target) {
        return conversation.ask(Dlt645.readData(target.address(), DataIdentifier.METER_NUMBER), "READ_METER_NUMBER",
                Values::meterNumber);
    }

    private CommandResult run(MeterTarget target, String command, Priority priority, Requester requester, Steps steps) {
        long started = System.nanoTime();
        long id = audit.begin(target.busId(), target.address(), target.meterNo(), command, requester);
        CommandResult result;
        try {
            result = steps.run(conversation(target.busId(), priority, id), id);
        } catch (MalformedFrameException badTarget) {
            // the registry holds credentials or an address no frame can carry
            result = result(CommandOutcome.REJECTED, "not sent: " + badTarget.getMessage(), null, null, null, id);
        } catch (RuntimeException e) {
            // no outcome: the meter never judged it (bus refused, thread interrupted)
            audit.finish(id, null, "not completed: " + e.getMessage(), millisSince(started));
            throw e;
        }
        audit.finish(id, result.outcome(), result.reason(), millisSince(started));
        log.info("meter {} on {}: {} -> {}{} (audit {})", target.address(), target.busId(), command, result.outcome(),
                result.reason() == null ? "" : " " + result.reason(), id);
        return result;
    }

    private Conversation conversation(String busId, Priority priority, long auditId) {
        return new Conversation(buses.worker(busId), buses.replyTimeout(busId), priority, audit, auditId, settings);
    }

    private static boolean matchesRegistry(MeterTarget target, String meterNo) {
        return !hasText(target.meterNo()) || target.meterNo().equals(meterNo);
    }

    private static String mismatch(MeterTarget target, String meterNo) {
        return "meter reports number " + meterNo + ", registry says " + target.meterNo();
    }

    private static RelayStatus toRelayStatus(StatusWord3 word) {
        return new RelayStatus(word.relayOpen(), word.commandOpen(), word.preTripAlarm(), word.powerGuarantee());
    }

    private static CommandResult failed(Answer<?> answer, RelayStatus status, long id) {
        return result(answer.failure(), answer.reason(), status, null, null, id);
    }

    private static CommandResult result(CommandOutcome outcome, String reason, RelayStatus status, String meterNo,
                                        BigDecimal money, long id) {
        return new CommandResult(outcome, reason, status, meterNo, money, id);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @FunctionalInterface
    private interface Steps {
        CommandResult run(Conversation conversation, long auditId);
    }
}
