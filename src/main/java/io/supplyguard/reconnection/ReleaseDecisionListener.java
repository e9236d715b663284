package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.EmergencyReconnectionVariables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The leader's decision on releasing a power guarantee is explicit; a refusal carries its reason. */
@Component("releaseDecisionListener")
class ReleaseDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(RELEASE_DECISION);
        Object remark = task.getVariable(RELEASE_REMARK);
        if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
            throw new ProcessEngineException("请选择审批意见（同意解除保电 / 不同意）");
        }
        if ("REJECTED".equals(decision) && (remark == null || remark.toString().isBlank())) {
            throw new ProcessEngineException("不同意解除保电时必须说明理由");
        }
    }
}
