package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Field reconnection orders (现场复电工单) are recorded while they are open: opened with their
 * reason, closed with the crew's result; a crew that could not restore must say why. The
 * previous round's answer is cleared when an order is reissued.
 */
@Component("fieldOrderListener")
class FieldOrderListener implements TaskListener {

    static final String RESTORED = "RESTORED";
    static final String NOT_RESTORED = "NOT_RESTORED";

    private final ReconnectionRecords records;
    private final ReconnectionTimes times;

    FieldOrderListener(ReconnectionRecords records, ReconnectionTimes times) {
        this.records = records;
        this.times = times;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                // a reissued order starts without the previous round's answer: the crew decides afresh
                task.getExecution().removeVariable(FIELD_RESULT);
                task.getExecution().removeVariable(FIELD_REMARK);
                Object reason = task.getVariable(FIELD_ORDER_REASON);
                records.openFieldOrder(task.getId(), task.getProcessInstanceId(), (String) task.getVariable(CUSTOMER_NO),
                        (String) task.getVariable(DISTRICT), reason == null ? "远程复电未完成" : reason.toString(), times.now());
            }
            case EVENTNAME_COMPLETE -> {
                Object result = task.getVariable(FIELD_RESULT);
                Object remark = task.getVariable(FIELD_REMARK);
                if (!RESTORED.equals(result) && !NOT_RESTORED.equals(result)) {
                    throw new ProcessEngineException("请选择现场复电结果（已复电 / 未能复电）");
                }
                if (NOT_RESTORED.equals(result) && (remark == null || remark.toString().isBlank())) {
                    throw new ProcessEngineException("未能复电时必须填写原因");
                }
                records.closeFieldOrder(task.getId(), result.toString(), remark == null ? null : remark.toString(),
                        task.getAssignee(), times.now());
            }
            case EVENTNAME_DELETE -> records.closeFieldOrder(task.getId(), "CANCELLED", "流程结束，工单撤销", null, times.now());
            default -> {
            }
        }
    }
}
