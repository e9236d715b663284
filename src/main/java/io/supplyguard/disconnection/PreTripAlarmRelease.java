package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.identity.Roles;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingOutcome;
import io.supplyguard.switching.SwitchingRequest;
import io.supplyguard.switching.SwitchingStep;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A payment ended a disconnection that may have raised the meter's pre-trip alarm: the alarm goes
 * off (control 1CH, N1=2BH; harmless on a meter whose alarm is off, so nothing is read first)
 * through the kernel's queue. A meter that does not confirm gives the fee-control operators a
 * task: a beeping meter worries a customer who has paid, but the disconnection is over all the same.
 */
@Component("releasePreTripAlarm")
class PreTripAlarmRelease extends SwitchingStep {

    private final TaskService tasks;

    PreTripAlarmRelease(SwitchingKernel kernel, TaskService tasks) {
        super(kernel);
        this.tasks = tasks;
    }

    @Override
    protected SwitchingRequest request(DelegateExecution execution) {
        return SwitchingRequest.of(execution, ControlCommand.ALARM_OFF);
    }

    @Override
    protected void onResult(DelegateExecution execution, SwitchingOutcome outcome) {
        CommandResult result = outcome.asResult();
        if (result.succeeded()) {
            execution.setVariable(ALARM_RAISED, false);
            return;
        }
        execution.setVariable(ALARM_FAILURE, result.outcome() + " " + result.reason());
        String customerNo = execution.getProcessBusinessKey();
        Task task = tasks.newTask();
        task.setName("解除电表预跳闸告警：" + customerNo);
        task.setDescription("客户已缴清欠费，停电已终止，但电表未确认解除预跳闸告警（" + result.outcome() + "）。"
                + "请远程重试或安排现场处理。");
        task.setPriority(60);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Roles.FEE_CONTROL_OPERATORS);
    }
}
