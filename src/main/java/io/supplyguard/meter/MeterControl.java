package io.supplyguard.meter;

/**
 * The only way SupplyGuard touches a meter. Every call is queued on the meter's RS-485 bus
 * (closing and power-guarantee commands ahead of trips), audited with its frames and the
 * requesting process/user, and answers with a classified {@link CommandResult} — never an
 * exception for a meter that misbehaves.
 */
public interface MeterControl {

    /** The buses configured on this node, in configuration order. */
    java.util.List<String> busIds();

    /** Status word 3 (DI 04000503): relay open, command open, pre-trip alarm, power guarantee. */
    CommandResult readRelayStatus(MeterTarget target, Requester requester);

    /** The meter's own meter number (DI 04000402), to check the registry binding (P4). */
    CommandResult readMeterNumber(MeterTarget target, Requester requester);

    /** Remaining money (DI 00900200). */
    CommandResult readRemainingMoney(MeterTarget target, Requester requester);

    /**
     * Switching command (control 1CH), confirmed by reading status word 3 back. {@code guard} is
     * asked right before the control frame is queued (and again if it waited in the queue); only
     * the switching kernel calls this for a process (ArchUnit rule {@code OnlyTheKernelSwitchesTest}).
     */
    CommandResult execute(MeterTarget target, ControlCommand command, Requester requester, SendGuard guard);

    /**
     * The same for a command that a node may already have sent before it died (issue 16: a bus's
     * new owner runs again what the old one had running): the status is read before the control
     * frame, and nothing is sent if the meter already shows the intended state.
     */
    CommandResult resume(MeterTarget target, ControlCommand command, Requester requester, SendGuard guard);

    /** Commissioning and meter tests: no process facts to check. */
    default CommandResult execute(MeterTarget target, ControlCommand command, Requester requester) {
        return execute(target, command, requester, SendGuard.NONE);
    }

    default CommandResult trip(MeterTarget target, Requester requester) {
        return execute(target, ControlCommand.TRIP, requester);
    }

    default CommandResult closeAllowed(MeterTarget target, Requester requester) {
        return execute(target, ControlCommand.CLOSE_ALLOWED, requester);
    }

    default CommandResult directClose(MeterTarget target, Requester requester) {
        return execute(target, ControlCommand.DIRECT_CLOSE, requester);
    }

    default CommandResult alarmOn(MeterTarget target, Requester requester) {
        return execute(target, ControlCommand.ALARM_ON, requester);
    }

    default CommandResult alarmOff(MeterTarget target, Requester requester) {
        return execute(target, ControlCommand.ALARM_OFF, requester);
    }

    default CommandResult powerGuaranteeOn(MeterTarget target, Requester requester) {
        return execute(target, ControlCommand.POWER_GUARANTEE_ON, requester);
    }

    default CommandResult powerGuaranteeOff(MeterTarget target, Requester requester) {
        return execute(target, ControlCommand.POWER_GUARANTEE_OFF, requester);
    }
}
