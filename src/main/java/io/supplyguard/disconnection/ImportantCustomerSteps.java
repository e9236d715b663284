package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.notification.SmsTemplate;
import io.supplyguard.switching.FactKind;
import io.supplyguard.switching.SwitchingFacts;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The formal disconnection order at T of the double 15-minute rule. The warning at T−15 min is
 * {@link PreTripWarning}, the release of the meter's alarm {@link PreTripAlarmRelease}.
 */
@Component("importantCustomerSteps")
public class ImportantCustomerSteps {

    private final DisconnectionSms sms;
    private final SwitchingFacts facts;
    private final Clock clock;

    ImportantCustomerSteps(DisconnectionSms sms, SwitchingFacts facts, Clock clock) {
        this.sms = sms;
        this.facts = facts;
        this.clock = clock;
    }

    public void issueOrder(DelegateExecution execution) {
        execution.setVariable(ORDER_ISSUED_AT, OffsetDateTime.now(clock).toString());
        sms.send(execution, SmsTemplate.DISCONNECTION_ORDER.name());
        facts.stepDone(execution, FactKind.ORDER_ISSUED, "正式停电指令已下达");
    }
}
