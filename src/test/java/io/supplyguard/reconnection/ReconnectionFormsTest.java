package io.supplyguard.reconnection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task and start event of the reconnection models references a form deployed with it;
 * the forms use only form-js 1.8-era components, and every field key is a variable of the model's
 * constants class.
 */
class ReconnectionFormsTest extends ReconnectionTestSupport {

    static final Set<String> COMPONENTS = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "datetime", "text");
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    @Autowired RepositoryService repository;
    @Autowired ObjectMapper json;

    static Set<String> variableNames() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Class<?> constants : new Class<?>[] {PaymentReconnectionVariables.class, EmergencyReconnectionVariables.class,
                ReconnectionSweepVariables.class}) {
            for (Field f : constants.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    names.add((String) f.get(null));
                }
            }
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment-reconnection", "emergency-reconnection", "reconnection-sweep"})
    void everyFormReferenceResolvesToAFormOfTheSameDeployment(String processId) throws Exception {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processId).latestVersion().singleResult();
        Map<String, JsonNode> forms = new HashMap<>();
        for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                JsonNode form = json.readTree(repository.getResourceAsStream(definition.getDeploymentId(), resource));
                forms.put(form.get("id").asText(), form);
            }
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Set<String> variables = variableNames();
        int references = 0;
        for (ModelElementInstance element : model.getModelElementsByType(
                model.getModel().getType(org.camunda.bpm.model.bpmn.instance.FlowNode.class))) {
            String formRef = element.getAttributeValueNs(CAMUNDA, "formRef");
            boolean human = element instanceof org.camunda.bpm.model.bpmn.instance.UserTask
                    || (element instanceof org.camunda.bpm.model.bpmn.instance.StartEvent start
                            && start.getEventDefinitions().isEmpty() && processId.equals("emergency-reconnection")
                            && start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process);
            if (!human) {
                continue;
            }
            String id = element.getAttributeValue("id");
            assertThat(formRef).as(id + " has a form").isNotNull();
            assertThat(element.getAttributeValueNs(CAMUNDA, "formRefBinding")).as(id).isEqualTo("deployment");
            assertThat(forms).as(id + " -> " + formRef).containsKey(formRef);
            for (JsonNode component : forms.get(formRef).get("components")) {
                assertThat(COMPONENTS).as(formRef + " component type").contains(component.get("type").asText());
                if (component.has("key")) {
                    assertThat(variables).as(formRef + " field key is a process variable").contains(component.get("key").asText());
                    assertThat(component.get("label").asText()).as("Chinese label").matches(".*[\\u4e00-\\u9fff].*");
                }
            }
            references++;
        }
        assertThat(references).isPositive();
    }
}
