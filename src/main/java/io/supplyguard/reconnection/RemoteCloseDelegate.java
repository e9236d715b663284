package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import io.supplyguard.customer.CloseMode;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView.MeterView;
import io.supplyguard.customer.RelayState;
import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingOutcome;
import io.supplyguard.switching.SwitchingRequest;
import io.supplyguard.switching.SwitchingStep;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Remote close in three bus transactions: the meter's own number (a meter reporting another
 * number is not closed: {@code meterCheck = MISMATCH}), direct close or "close allowed" as the
 * meter is configured, and the driver's read-back. Closing a closed relay is harmless, so nothing
 * is read before. A meter that does not close is a business outcome ({@code remoteClosed = false}
 * with the reason for the field order); only exceptions become retries and incidents.
 * Used by payment and emergency reconnection ({@code forceDirectClose} in emergencies); waits for
 * the kernel's queue without an engine thread ({@link SwitchingStep}).
 */
@Component("remoteClose")
class RemoteCloseDelegate extends SwitchingStep {

    /** Local input of the emergency model: always direct close. */
    static final String FORCE_DIRECT_CLOSE = "forceDirectClose";

    private final CustomerRegistry registry;
    private final ReconnectionRecords records;
    private final ReconnectionTimes times;
    RemoteCloseDelegate(CustomerRegistry registry, ReconnectionRecords records, ReconnectionTimes times, SwitchingKernel kernel) {
        super(kernel);
        this.registry = registry;
        this.records = records;
        this.times = times;
    }

    @Override
    protected SwitchingRequest request(DelegateExecution execution) {
        return SwitchingRequest.of(execution, command(execution));
    }

    private ControlCommand command(DelegateExecution execution) {
        MeterView meter = registry.get((String) execution.getVariable(CUSTOMER_NO)).meter();
        boolean direct = Boolean.TRUE.equals(execution.getVariable(FORCE_DIRECT_CLOSE)) || meter == null
                || meter.closeMode() != CloseMode.CLOSE_ALLOWED;
        return direct ? ControlCommand.DIRECT_CLOSE : ControlCommand.CLOSE_ALLOWED;
    }

    @Override
    protected void onResult(DelegateExecution execution, SwitchingOutcome outcome) {
        CommandResult close = outcome.asResult();
        if (close.outcome() == CommandOutcome.WRONG_METER) {
            execution.setVariable(METER_CHECK, "MISMATCH");
            failed(execution, close.outcome().name(), "表号不符：表计返回 " + close.meterNo() + "，档案为 "
                    + execution.getVariable(METER_NO) + "，禁止远程合闸");
            return;
        }
        if (!close.succeeded()) {
            if (close.meterNo() == null) {
                // the number read, the close's first frame, got no answer: nothing was switched
                execution.setVariable(METER_CHECK, "UNREADABLE");
            }
            failed(execution, close.outcome().name(), "远程合闸失败（" + close.outcome() + VerifyMeterIdentityDelegate.describe(close) + "）");
            return;
        }
        execution.setVariable(METER_CHECK, "MATCH");
        // "close allowed" leaves the relay open until the customer presses the button; meterNo is the number the meter reported
        if (close.status() == null || !close.status().relayOpen()) {
            registry.recordRelayState(close.meterNo(), RelayState.CLOSED);
        }
        restored(execution, close.outcome().name(), "REMOTE");
    }

    private void restored(DelegateExecution execution, String outcome, String by) {
        execution.setVariable(REMOTE_CLOSED, true);
        execution.setVariable(REMOTE_CLOSE_OUTCOME, outcome);
        execution.setVariable(RESTORED_AT, Date.from(times.now().toInstant()));
        execution.setVariable(RESTORED_BY, by);
        records.recordRemoteOutcome(execution.getProcessInstanceId(), outcome, null);
    }

    private void failed(DelegateExecution execution, String outcome, String reason) {
        execution.setVariable(REMOTE_CLOSED, false);
        execution.setVariable(REMOTE_CLOSE_OUTCOME, outcome);
        execution.setVariable(FIELD_ORDER_REASON, reason);
        records.recordRemoteOutcome(execution.getProcessInstanceId(), outcome, reason);
    }
}
