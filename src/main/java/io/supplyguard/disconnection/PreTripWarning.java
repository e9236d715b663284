package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.notification.SmsTemplate;
import io.supplyguard.switching.FactKind;
import io.supplyguard.switching.SwitchingFacts;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingOutcome;
import io.supplyguard.switching.SwitchingRequest;
import io.supplyguard.switching.SwitchingStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * T−15 min of the double 15-minute rule: the warning SMS and the recorded fact in the step's own
 * transaction, then the meter's pre-trip alarm (control 1CH, N1=2AH) through the kernel's queue.
 * The SMS is the warning; a meter that cannot beep does not stop the formal procedure.
 */
@Component("sendWarning")
class PreTripWarning extends SwitchingStep {

    private final DisconnectionSms sms;
    private final SwitchingFacts facts;

    PreTripWarning(DisconnectionSms sms, SwitchingFacts facts, SwitchingKernel kernel) {
        super(kernel);
        this.sms = sms;
        this.facts = facts;
    }

    @Override
    protected void beforeSubmit(DelegateExecution execution) {
        sms.send(execution, SmsTemplate.DISCONNECTION_WARNING.name());
        facts.stepDone(execution, FactKind.WARNING_GIVEN, "预警短信已发送");
    }

    @Override
    protected SwitchingRequest request(DelegateExecution execution) {
        return SwitchingRequest.of(execution, ControlCommand.ALARM_ON);
    }

    @Override
    protected void onResult(DelegateExecution execution, SwitchingOutcome outcome) {
        CommandResult alarm = outcome.asResult();
        execution.setVariable(ALARM_RAISED, alarm.succeeded());
        if (!alarm.succeeded()) {
            execution.setVariable(ALARM_FAILURE, alarm.outcome() + " " + alarm.reason());
        }
    }
}
