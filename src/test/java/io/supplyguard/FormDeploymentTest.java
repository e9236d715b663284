package io.supplyguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Camunda Forms referenced with binding "deployment" resolve through the FormService. */
@SpringBootTest
@ActiveProfiles("test")
class FormDeploymentTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired CamundaBpmProperties camunda;

    @Test
    void autoDeploymentListsBpmnDmnAndForms() {
        assertThat(camunda.getDeploymentResourcePattern())
                .contains("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");
    }

    @Test
    void aUserTaskFormRefResolvesToTheFormDeployedWithIt() throws Exception {
        Deployment deployment = repository.createDeployment().name("form-probe")
                .addClasspathResource("probe/form-probe.bpmn")
                .addClasspathResource("probe/form-probe.form")
                .deploy();
        try {
            runtime.startProcessInstanceByKey("form-probe", "3200000001");
            String taskId = tasks.createTaskQuery().processDefinitionKey("form-probe").singleResult().getId();

            var formRef = forms.getTaskFormData(taskId).getCamundaFormRef();
            assertThat(formRef.getKey()).isEqualTo("form-probe");
            assertThat(formRef.getBinding()).isEqualTo("deployment");
            try (InputStream form = forms.getDeployedTaskForm(taskId)) {
                String schema = new String(form.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(schema).contains("\"id\": \"form-probe\"").contains("备注");
            }
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
