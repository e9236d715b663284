package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.calendar.ExecutionWindow;
import io.supplyguard.switching.DisconnectionProperties;
import io.supplyguard.switching.SwitchingFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "报备书面通知" for important customers (P9): the written notice to each of the four
 * bodies has a reference and a date not in the future, and the notice time T respects the notice
 * period while T + 15 min (the execution) falls inside the execution window.
 */
@Component("writtenNotices")
class WrittenNotices implements TaskListener {

    private static final List<String[]> NOTICES = List.of(
            new String[] {POWER_ADMIN_NOTICE_REF, POWER_ADMIN_NOTICE_DATE},
            new String[] {SUPERVISING_BODY_NOTICE_REF, SUPERVISING_BODY_NOTICE_DATE},
            new String[] {LOCAL_GOVERNMENT_NOTICE_REF, LOCAL_GOVERNMENT_NOTICE_DATE},
            new String[] {JUDICIAL_NOTICE_REF, JUDICIAL_NOTICE_DATE});

    private final DisconnectionProperties properties;
    private final ExecutionWindow window;
    private final SwitchingFacts facts;
    private final Clock clock;

    WrittenNotices(DisconnectionProperties properties, ExecutionWindow window, SwitchingFacts facts, Clock clock) {
        this.facts = facts;
        this.properties = properties;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        LocalDate today = LocalDate.now(clock);
        for (String[] notice : NOTICES) {
            FormValues.requiredText(task, notice[0]);
            LocalDate filed = FormValues.requiredDate(task, notice[1], clock.getZone());
            if (filed.isAfter(today)) {
                throw new FormInputException(notice[1], "cannot be in the future");
            }
            task.setVariable(notice[1], filed.toString());
        }
        OffsetDateTime noticeTime = FormValues.requiredDateTime(task, NOTICE_TIME, clock.getZone());
        OffsetDateTime earliest = OffsetDateTime.parse((String) task.getVariable(EARLIEST_EXECUTION_AT));
        OffsetDateTime warningAt = noticeTime.minus(properties.importantWarningLead());
        if (warningAt.isBefore(OffsetDateTime.now(clock))) {
            throw new FormInputException(NOTICE_TIME, "must leave time for the warning " + properties.importantWarningLead()
                    + " before it");
        }
        if (noticeTime.isBefore(earliest)) {
            throw new FormInputException(NOTICE_TIME, "cannot be before the end of the notice period (" + earliest + ")");
        }
        OffsetDateTime executeAt = noticeTime.plus(properties.importantExecutionDelay());
        String closed = window.closedReason(executeAt, (String) task.getVariable(DISTRICT));
        if (closed != null) {
            throw new FormInputException(NOTICE_TIME, "puts the execution at " + executeAt + " outside the execution window ("
                    + closed + ")");
        }
        StringBuilder refs = new StringBuilder();
        for (String[] notice : NOTICES) {
            refs.append(notice[0]).append('=').append(FormValues.requiredText(task, notice[0])).append(' ')
                    .append(task.getVariable(notice[1])).append("; ");
        }
        facts.writtenNotices(task, noticeTime, refs.toString());
        task.setVariable(NOTICE_TIME, noticeTime.toString());
        task.setVariable(WARNING_AT, warningAt.toString());
        task.setVariable(ORDER_AT, noticeTime.toString());
        task.setVariable(EXECUTE_AT, executeAt.toString());
    }
}
