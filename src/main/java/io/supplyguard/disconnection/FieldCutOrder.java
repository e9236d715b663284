package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.switching.SwitchingFacts;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of the on-site follow-up cut (补停): DONE needs the handheld terminal and the time,
 * NOT_DONE needs the reason. Nothing is recorded as cut without a result on this order (P6).
 */
@Component("fieldCutOrder")
class FieldCutOrder implements TaskListener {

    private final SwitchingFacts facts;
    private final Clock clock;

    FieldCutOrder(SwitchingFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String result = FormValues.requiredText(task, FIELD_RESULT);
        switch (result) {
            case "DONE" -> {
                FormValues.requiredText(task, FIELD_TERMINAL_ID);
                OffsetDateTime doneAt = FormValues.requiredDateTime(task, FIELD_DONE_AT, clock.getZone());
                if (doneAt.isAfter(OffsetDateTime.now(clock))) {
                    throw new FormInputException(FIELD_DONE_AT, "cannot be in the future", "完成时间不能晚于当前时间");
                }
                facts.fieldResult(task, true, doneAt, FIELD_DONE_AT, "掌机: " + FormValues.requiredText(task, FIELD_TERMINAL_ID));
                task.setVariable(FIELD_DONE_AT, doneAt.toString());
            }
            case "NOT_DONE" -> facts.fieldResult(task, false, null, FIELD_RESULT_REASON,
                    FormValues.requiredText(task, FIELD_RESULT_REASON));
            default -> throw new FormInputException(FIELD_RESULT, "must be DONE or NOT_DONE");
        }
    }
}
