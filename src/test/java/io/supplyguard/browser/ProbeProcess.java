package io.supplyguard.browser;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The form probe of {@code src/test/resources/probe}: start event, user task "填写探针表单" with the
 * Camunda Form {@code form-probe} (one required text field 备注 → variable {@code remark}), end.
 * Deployed by a browser test for itself and removed again afterwards.
 */
record ProbeProcess(RepositoryService repository, String deploymentId) implements AutoCloseable {

    static final String KEY = "form-probe";
    static final String NAME = "表单探针";
    static final String TASK_ID = "Task_Probe";
    static final String TASK_NAME = "填写探针表单";
    static final String FIELD_LABEL = "备注";
    static final String VARIABLE = "remark";

    static ProbeProcess deploy(RepositoryService repository) {
        String id = repository.createDeployment().name("browser-test-form-probe")
                .addClasspathResource("probe/form-probe.bpmn")
                .addClasspathResource("probe/form-probe.form")
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
