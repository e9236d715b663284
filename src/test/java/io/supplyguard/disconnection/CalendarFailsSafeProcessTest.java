package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionFixture.TUESDAY_10_00;
import static io.supplyguard.disconnection.DisconnectionFixture.now;
import static io.supplyguard.disconnection.DisconnectionFixture.setClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.supplyguard.calendar.CalendarDays.DayKind;
import io.supplyguard.calendar.CalendarMaintenanceReminder;
import io.supplyguard.calendar.HolidayCalendar;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.identity.Roles;
import io.supplyguard.meter.MeterSimulation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 item 5: the holiday calendar is data, and a date outside every maintained year is
 * closed for cuts. The migration maintains 2026 only (no official 2027 notice was available), so a
 * cut that falls due in January 2027 waits, looked at again each morning, until an operator has
 * recorded 2027; and the operators get their task 60 days before the maintained range ends.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class CalendarFailsSafeProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired DisconnectionFixture fixture;
    @Autowired MeterSimulation meters;
    @Autowired HolidayCalendar calendar;
    @Autowired CalendarMaintenanceReminder reminder;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        setClock(TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        tasks.createTaskQuery().taskNameLike("维护节假日安排%").list().forEach(t -> tasks.deleteTask(t.getId(), true));
        jdbc.sql("DELETE FROM calendar_reminder").update();
        jdbc.sql("DELETE FROM calendar_day WHERE year_no <> 2026").update();
        jdbc.sql("DELETE FROM calendar_year WHERE year_no <> 2026").update();
        ClockUtil.reset();
    }

    @Test
    void aCutDueOnADateBeyondTheMaintainedCalendarIsNotExecuted() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = startAndPostNotice(c);

        setClock(OffsetDateTime.parse("2027-01-05T10:00:00+08:00")); // an ordinary Tuesday of a year nobody maintained
        fixture.runDueJobs();

        assertThat(relayOpen(c)).isFalse();
        assertThat(refusals(pi)).containsExactly("OUTSIDE_WINDOW: CALENDAR_NOT_MAINTAINED");
        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        assertThat(runtime.getVariable(pi.getId(), "executionAt")).as("looked at again the next morning")
                .isEqualTo(OffsetDateTime.parse("2027-01-06T09:00:00+08:00").toString());

        calendar.maintain(2027, "测试：2027年安排", List.of(new HolidayCalendar.Day(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦")),
                "sec-operator");
        fixture.fireNextTimer(pi.getId());

        assertThat(pi).isEnded().hasPassed("End_Disconnected");
        assertThat(relayOpen(c)).isTrue();
    }

    @Test
    void theOperatorsGetATaskSixtyDaysBeforeTheMaintainedCalendarEnds() {
        setClock(OffsetDateTime.parse("2026-10-31T08:00:00+08:00"));
        assertThat(reminder.remind()).isEmpty();

        setClock(OffsetDateTime.parse("2026-11-01T08:00:00+08:00")); // 60 days before 31 December
        String taskId = reminder.remind().orElseThrow();
        assertThat(reminder.remind()).as("one task per end of the range").isEmpty();

        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getName()).isEqualTo("维护节假日安排：2027年");
        assertThat(task.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-31T17:00:00+08:00").toInstant());
        assertThat(tasks.createTaskQuery().taskId(taskId).taskCandidateGroup(Roles.FEE_CONTROL_OPERATORS).count()).isEqualTo(1);
    }

    private ProcessInstance startAndPostNotice(TestCustomer c) {
        ProcessInstance pi = runtime.createProcessInstanceQuery()
                .processInstanceId(fixture.startedWithNoticePosted(engine, c, "IMG-CAL")).singleResult();
        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        return pi;
    }

    private boolean relayOpen(TestCustomer c) {
        return meters.status(DisconnectionFixture.BUS, c.address()).relayOpen();
    }

    private List<String> refusals(ProcessInstance pi) {
        return jdbc.sql("SELECT reason_code || ': ' || detail FROM switching_decision WHERE process_instance_id = ? AND NOT allowed ORDER BY id")
                .param(pi.getId()).query(String.class).list();
    }
}
