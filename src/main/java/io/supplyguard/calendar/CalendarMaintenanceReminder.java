package io.supplyguard.calendar;

import io.supplyguard.identity.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the fee-control operators a task 维护节假日安排 once the maintained calendar ends within
 * {@code supplyguard.calendar.reminder-lead} (60 days): one task per end of the maintained range
 * (table {@code calendar_reminder}), due on that last day. Checked daily; idempotent across nodes.
 */
@Component
public class CalendarMaintenanceReminder {

    private static final Logger log = LoggerFactory.getLogger(CalendarMaintenanceReminder.class);

    private final HolidayCalendar calendar;
    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final Period lead;
    private final Clock clock;

    CalendarMaintenanceReminder(HolidayCalendar calendar, TaskService tasks, JdbcClient jdbc,
            @Value("${supplyguard.calendar.reminder-lead:P60D}") Period lead, Clock clock) {
        this.calendar = calendar;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.lead = lead;
        this.clock = clock;
    }

    @Scheduled(cron = "${supplyguard.calendar.reminder-cron:0 0 8 * * *}", zone = "${supplyguard.business-time.zone:Asia/Shanghai}")
    void onSchedule() {
        try {
            remind();
        } catch (DuplicateKeyException anotherNodeDidIt) {
            log.info("calendar reminder created by another node");
        }
    }

    /** The task opened now, if the maintained range ends within the lead and none was opened for that end. */
    @Transactional
    public Optional<String> remind() {
        LocalDate until = calendar.days().maintainedUntil();
        LocalDate today = LocalDate.now(clock);
        LocalDate rangeEnd = until != null ? until : today;
        if (until != null && today.isBefore(until.minus(lead))) {
            return Optional.empty();
        }
        boolean reminded = jdbc.sql("SELECT COUNT(*) FROM calendar_reminder WHERE range_end = :d").param("d", rangeEnd)
                .query(Integer.class).single() > 0;
        if (reminded) {
            return Optional.empty();
        }
        int nextYear = rangeEnd.getYear() + (until != null ? 1 : 0);
        Task task = tasks.newTask();
        task.setName("维护节假日安排：" + nextYear + "年");
        task.setDescription((until != null ? "已维护的节假日安排截至" + until + "。" : "尚未维护任何年度的节假日安排。")
                + "请按国务院办公厅关于" + nextYear + "年部分节假日安排的通知录入放假和调休上班日期（/api/calendar/years/"
                + nextYear + "）。未维护的日期一律不执行停电。");
        task.setPriority(70);
        task.setDueDate(Date.from(rangeEnd.atStartOfDay(clock.getZone()).toInstant().plus(Duration.ofHours(17))));
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Roles.FEE_CONTROL_OPERATORS);
        jdbc.sql("INSERT INTO calendar_reminder (range_end, task_id, created_at) VALUES (:d, :t, :now)")
                .param("d", rangeEnd).param("t", task.getId()).param("now", OffsetDateTime.now(clock)).update();
        log.info("calendar maintained until {}: task {} for the fee-control operators", until, task.getId());
        return Optional.of(task.getId());
    }
}
