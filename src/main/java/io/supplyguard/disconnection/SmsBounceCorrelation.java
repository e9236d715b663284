package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.MESSAGE_SMS_DELIVERY_FAILED;
import static io.supplyguard.disconnection.DisconnectionVariables.PROCESS_KEY;

import io.supplyguard.notification.SmsDeliveryReported;
import org.camunda.bpm.engine.RuntimeService;
import io.supplyguard.infrastructure.events.AfterCommitEventsConfiguration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * P1: an SMS of a running disconnection that did not reach the customer gives the district
 * manager a verification task in that process ({@code Message_SmsDeliveryFailed}).
 */
@Component
class SmsBounceCorrelation {

    private final RuntimeService runtime;

    SmsBounceCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Async(AfterCommitEventsConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void on(SmsDeliveryReported report) {
        if (report.delivered() || report.processInstanceId() == null) {
            return;
        }
        boolean ours = runtime.createProcessInstanceQuery().processInstanceId(report.processInstanceId())
                .processDefinitionKey(PROCESS_KEY).active().count() > 0;
        if (ours) {
            runtime.createMessageCorrelation(MESSAGE_SMS_DELIVERY_FAILED)
                    .processInstanceId(report.processInstanceId())
                    .setVariable("smsFailureReason", report.failureReason() != null ? report.failureReason() : "")
                    .correlateAllWithResult();
        }
    }
}
