package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "张贴停电通知书": the posting is recorded with time, place and evidence, and the
 * earliest execution is the notice lead days (from the decision table) after the posting time.
 */
@Component("noticePosting")
class NoticePosting implements TaskListener {

    private final DisconnectionProperties properties;
    private final Clock clock;

    NoticePosting(DisconnectionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        OffsetDateTime postedAt = FormValues.requiredDateTime(task, NOTICE_POSTED_AT, clock.getZone());
        if (postedAt.isAfter(OffsetDateTime.now(clock))) {
            throw new FormInputException(NOTICE_POSTED_AT, "cannot be in the future", "张贴时间不能晚于当前时间");
        }
        OffsetDateTime started = OffsetDateTime.parse((String) task.getVariable(STARTED_AT));
        if (postedAt.isBefore(started)) {
            throw new FormInputException(NOTICE_POSTED_AT, "cannot be before this disconnection started (" + started + ")",
                    "张贴时间不能早于本次停电流程的发起时间");
        }
        FormValues.requiredText(task, NOTICE_PLACE);
        FormValues.requiredText(task, NOTICE_EVIDENCE_REF);
        int leadDays = FormValues.requiredInt(task, NOTICE_LEAD_DAYS);
        OffsetDateTime earliest = postedAt.plus(properties.noticeDay().multipliedBy(leadDays));
        task.setVariable(NOTICE_POSTED_AT, postedAt.toString());
        task.setVariable(EARLIEST_EXECUTION_AT, earliest.toString());
    }
}
