package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.Requester;
import io.supplyguard.notification.SmsTemplate;
import io.supplyguard.switching.FactKind;
import io.supplyguard.switching.SwitchingFacts;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service steps of the double 15-minute rule: at T−15 min the warning (SMS and the meter's
 * pre-trip alarm), at T the formal disconnection order. Also releases the alarm when a payment
 * ends a disconnection that raised it.
 */
@Component("importantCustomerSteps")
public class ImportantCustomerSteps {

    private final CustomerRegistry registry;
    private final MeterControl meters;
    private final DisconnectionSms sms;
    private final SwitchingKernel kernel;
    private final SwitchingFacts facts;
    private final Clock clock;

    ImportantCustomerSteps(CustomerRegistry registry, MeterControl meters, DisconnectionSms sms, SwitchingKernel kernel,
            SwitchingFacts facts, Clock clock) {
        this.registry = registry;
        this.meters = meters;
        this.sms = sms;
        this.kernel = kernel;
        this.facts = facts;
        this.clock = clock;
    }

    public void warn(DelegateExecution execution) {
        sms.send(execution, SmsTemplate.DISCONNECTION_WARNING.name());
        facts.stepDone(execution, FactKind.WARNING_GIVEN, "预警短信已发送");
        CommandResult alarm = alarm(execution, true);
        execution.setVariable(ALARM_RAISED, alarm.succeeded());
        if (!alarm.succeeded()) {
            // the SMS went out; a meter that cannot beep does not stop the formal procedure
            execution.setVariable("alarmFailure", alarm.outcome() + " " + alarm.reason());
        }
    }

    public void issueOrder(DelegateExecution execution) {
        execution.setVariable(ORDER_ISSUED_AT, OffsetDateTime.now(clock).toString());
        sms.send(execution, SmsTemplate.DISCONNECTION_ORDER.name());
        facts.stepDone(execution, FactKind.ORDER_ISSUED, "正式停电指令已下达");
    }

    /** Idempotent: only switches the alarm off when the meter reports it on. */
    public void releaseAlarm(DelegateExecution execution) {
        var meter = registry.get((String) execution.getVariable(CUSTOMER_NO)).meter();
        var requester = Requester.process(execution.getProcessInstanceId(), execution.getCurrentActivityId());
        CommandResult status = meters.readRelayStatus(meter.target(), requester);
        if (status.succeeded() && !status.status().preTripAlarm()) {
            return;
        }
        CommandResult result = alarm(execution, false);
        if (!result.succeeded()) {
            throw new IllegalStateException("alarm release failed: " + result.outcome() + " " + result.reason());
        }
        execution.setVariable(ALARM_RAISED, false);
    }

    private CommandResult alarm(DelegateExecution execution, boolean on) {
        return kernel.execute(SwitchingRequest.of(execution, on ? ControlCommand.ALARM_ON : ControlCommand.ALARM_OFF)).asResult();
    }
}
