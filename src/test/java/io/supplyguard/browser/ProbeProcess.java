package io.supplyguard.browser;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A probe process of {@code src/test/resources/probe} (start, one user task with a Camunda Form,
 * end), deployed by a browser test for itself and removed again afterwards:
 * <ul>
 * <li>{@code form-probe}: task "填写探针表单", one required text field 备注 → variable {@code remark};
 * <li>{@code decision-probe}: task "审批探针任务", read-only context (客户编号, 欠费金额（元）), radio
 *     审批结论 (同意/驳回 → {@code decision}), select 驳回类别, text area 审批意见, checkbox 已告知客户;
 * <li>{@code start-probe} "发起探针": a human start (initiator, start form with 客户编号 → {@code customerNo}), end.
 * </ul>
 */
record ProbeProcess(RepositoryService repository, String deploymentId) implements AutoCloseable {

    static final String KEY = "form-probe";
    static final String NAME = "表单探针";
    static final String TASK_ID = "Task_Probe";
    static final String TASK_NAME = "填写探针表单";
    static final String FIELD_LABEL = "备注";
    static final String VARIABLE = "remark";

    static final String DECISION_KEY = "decision-probe";
    static final String DECISION_TASK_NAME = "审批探针任务";
    static final String START_KEY = "start-probe";
    static final String START_NAME = "发起探针";

    static ProbeProcess deploy(RepositoryService repository) {
        return deploy(repository, KEY);
    }

    /** Deploys {@code probe/<key>.bpmn} with {@code probe/<key>.form}. */
    static ProbeProcess deploy(RepositoryService repository, String key) {
        String id = repository.createDeployment().name("browser-test-" + key)
                .addClasspathResource("probe/" + key + ".bpmn")
                .addClasspathResource("probe/" + key + ".form")
                .deploy().getId();
        return new ProbeProcess(repository, id);
    }

    ProcessInstance start(RuntimeService runtime, String businessKey) {
        return runtime.startProcessInstanceByKey(KEY, businessKey);
    }

    @Override
    public void close() {
        repository.deleteDeployment(deploymentId, true);
    }
}
