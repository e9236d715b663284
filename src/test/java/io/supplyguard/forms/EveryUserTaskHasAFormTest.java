package io.supplyguard.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Every user task and every human start event of every model in processes/ references a Camunda
 * Form of forms/ with binding "deployment" (DESIGN.md §5). The checker itself is proven on the
 * fixtures in src/test/resources/form-check.
 */
class EveryUserTaskHasAFormTest {

    @Test
    void everyHumanStepOfEveryModelReferencesADeployedForm() throws Exception {
        assertThat(FormReferences.checkClasspath()).as("human steps without a deployed Camunda Form").isEmpty();
    }

    @Test
    void theCheckerAcceptsAModelWhoseHumanStepsAllHaveDeployedForms() throws Exception {
        assertThat(FormReferences.check(fixtures("good.bpmn"), fixtures("approval.form", "start.form"))).isEmpty();
    }

    @Test
    void theCheckerNamesEveryHumanStepWithoutADeployedForm() throws Exception {
        List<String> violations = FormReferences.check(fixtures("bad.bpmn"), fixtures("approval.form", "start.form"));

        assertThat(violations).containsExactlyInAnyOrder(
                "bad.bpmn: human start event Event_Start (发起): has no camunda:formRef",
                "bad.bpmn: user task Task_NoForm (无表单): has no camunda:formRef",
                "bad.bpmn: user task Task_FormKey (旧式表单): uses camunda:formKey; use camunda:formRef with a Camunda Form",
                "bad.bpmn: user task Task_FormKey (旧式表单): has no camunda:formRef",
                "bad.bpmn: user task Task_Missing (缺失表单): camunda:formRef 'no-such-form' names no form in forms/",
                "bad.bpmn: user task Task_LatestBinding (错误绑定): camunda:formRefBinding is 'latest', must be 'deployment'",
                "bad.bpmn: user task Task_Expression (表达式): camunda:formRef '${formId}' is an expression; name the form id");
    }

    @Test
    void messageAndTimerStartsAndEventSubprocessStartsAreNotHumanStarts() throws Exception {
        assertThat(FormReferences.check(fixtures("machine-starts.bpmn"), new Resource[0])).isEmpty();
    }

    @Test
    void formsNeedAnIdOfTheirOwn() throws Exception {
        assertThat(FormReferences.check(new Resource[0], fixtures("approval.form", "approval-copy.form")))
                .containsExactly("approval-copy.form: form id 'fixture-approval' is used by another form too");
    }

    private static Resource[] fixtures(String... names) {
        Resource[] resources = new Resource[names.length];
        for (int i = 0; i < names.length; i++) {
            resources[i] = new ClassPathResource("form-check/" + names[i]);
        }
        return resources;
    }
}
