package io.supplyguard.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Checks that every human step of the BPMN models has a Camunda Form: each user task and each
 * human start (a none start event of a process that carries {@code camunda:initiator},
 * {@code camunda:formRef} or {@code camunda:formKey}) must reference a form with
 * {@code camunda:formRef} (a literal id) and {@code camunda:formRefBinding="deployment"}, and that
 * id must be the {@code id} of a {@code .form} file that is deployed with the models.
 */
final class FormReferences {

    static final String MODELS = "classpath*:processes/**/*.bpmn";
    static final String FORMS = "classpath*:forms/**/*.form";

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormReferences() {
    }

    /** Violations of the models and forms on the classpath (the ones auto-deployment picks up). */
    static List<String> checkClasspath() throws IOException {
        return check(resources(MODELS), resources(FORMS));
    }

    static List<String> check(Resource[] models, Resource[] forms) throws IOException {
        Set<String> formIds = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (Resource form : forms) {
            try (InputStream in = form.getInputStream()) {
                JsonNode id = JSON.readTree(in).get("id");
                if (id == null || id.asText().isBlank()) {
                    violations.add(form.getFilename() + ": form without an id");
                } else if (!formIds.add(id.asText())) {
                    violations.add(form.getFilename() + ": form id '" + id.asText() + "' is used by another form too");
                }
            }
        }
        for (Resource model : models) {
            BpmnModelInstance bpmn;
            try (InputStream in = model.getInputStream()) {
                bpmn = Bpmn.readModelFromStream(in);
            }
            for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
                checkStep(model.getFilename(), "user task", task, formIds, violations);
            }
            for (StartEvent start : bpmn.getModelElementsByType(StartEvent.class)) {
                if (isHumanStart(start)) {
                    checkStep(model.getFilename(), "human start event", start, formIds, violations);
                }
            }
        }
        return violations;
    }

    /** A none start event directly in a process that a person starts (initiator or form given). */
    static boolean isHumanStart(StartEvent start) {
        return start.getParentElement() instanceof Process
                && start.getEventDefinitions().isEmpty()
                && (hasText(start.getCamundaInitiator()) || hasText(start.getCamundaFormRef()) || hasText(start.getCamundaFormKey()));
    }

    private static void checkStep(String file, String kind, FlowNode node, Set<String> formIds, List<String> violations) {
        String where = "%s: %s %s (%s)".formatted(file, kind, node.getId(), node.getName());
        String formKey = node.getAttributeValueNs(CAMUNDA_NS, "formKey");
        String formRef = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
        String binding = node.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
        if (hasText(formKey)) {
            violations.add(where + ": uses camunda:formKey; use camunda:formRef with a Camunda Form");
        }
        if (!hasText(formRef)) {
            violations.add(where + ": has no camunda:formRef");
            return;
        }
        if (!"deployment".equals(binding)) {
            violations.add(where + ": camunda:formRefBinding is '" + binding + "', must be 'deployment'");
        }
        if (formRef.contains("${") || formRef.contains("#{")) {
            violations.add(where + ": camunda:formRef '" + formRef + "' is an expression; name the form id");
        } else if (!formIds.contains(formRef)) {
            violations.add(where + ": camunda:formRef '" + formRef + "' names no form in forms/");
        }
    }

    private static Resource[] resources(String pattern) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources(pattern);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
