package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.switching.SwitchingFacts;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "张贴停电通知书": the posting is recorded as a switching fact (who as the engine
 * authenticated them, the posting time bounded by the task's creation and completion, place and
 * evidence), and the earliest execution is the lead days the decision table gives on the
 * registry's data after the posting time — not the instance's {@code noticeLeadDays}.
 */
@Component("noticePosting")
class NoticePosting implements TaskListener {

    private final SwitchingFacts facts;
    private final Clock clock;

    NoticePosting(SwitchingFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        OffsetDateTime postedAt = FormValues.requiredDateTime(task, NOTICE_POSTED_AT, clock.getZone());
        String place = FormValues.requiredText(task, NOTICE_PLACE);
        String evidence = FormValues.requiredText(task, NOTICE_EVIDENCE_REF);
        OffsetDateTime earliest = facts.noticePosted(task, NOTICE_POSTED_AT, postedAt, "地点: " + place + "; 证据: " + evidence);
        task.setVariable(NOTICE_POSTED_AT, postedAt.toString());
        task.setVariable(EARLIEST_EXECUTION_AT, earliest.toString());
    }
}
