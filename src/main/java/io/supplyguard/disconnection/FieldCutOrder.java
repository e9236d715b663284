package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

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

    private final Clock clock;

    FieldCutOrder(Clock clock) {
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
                task.setVariable(FIELD_DONE_AT, doneAt.toString());
            }
            case "NOT_DONE" -> FormValues.requiredText(task, FIELD_RESULT_REASON);
            default -> throw new FormInputException(FIELD_RESULT, "must be DONE or NOT_DONE");
        }
    }
}
