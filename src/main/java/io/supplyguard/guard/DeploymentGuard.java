package io.supplyguard.guard;

import io.supplyguard.release.CoreModels;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Parses every BPMN model the engine deploys (Camunda Modeler through {@code /engine-rest},
 * auto-deployment at start-up, the Java API) against {@link ModelAllowList}: no script tasks, script
 * listeners, script conditions or Java classes; expressions name only allowed beans, never the
 * engine. A refusal fails the whole deployment with the element id and the reason (the REST API
 * answers 400 with them).
 */
class DeploymentGuard extends AbstractBpmnParseListener {

    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");

    private final ExpressionCheck expressions;

    DeploymentGuard(ExpressionCheck expressions) {
        this.expressions = expressions;
    }

    @Override
    public void parseRootElement(Element definitions, List<ProcessDefinitionEntity> processDefinitions) {
        check(definitions, null, null);
    }

    private void check(Element element, String processId, String activityId) {
        String id = element.attribute("id");
        if ("process".equals(element.getTagName())) {
            processId = CoreModels.releasedKey(id); // a held copy is checked as the model it would become
        }
        if (id != null) {
            activityId = id; // the innermost element with an id: what the refusal names
        }
        problem(element, processId, activityId).ifPresent(reason -> {
            throw new BpmnParseException(reason, element);
        });
        for (Element child : element.elements()) {
            check(child, processId, activityId);
        }
    }

    private Optional<String> problem(Element element, String processId, String elementId) {
        String where = "element '" + (elementId != null ? elementId : element.getTagName()) + "': ";
        if (SCRIPT_ELEMENTS.contains(element.getTagName())) {
            return Optional.of(where + "scripts are not allowed (" + element.getTagName() + ")");
        }
        if (element.attribute("language") != null) {
            return Optional.of(where + "script conditions are not allowed (language " + element.attribute("language") + ")");
        }
        for (String attribute : element.attributes()) {
            String value = element.attribute(attribute);
            if (isCodeReference(attribute)) {
                return Optional.of(where + "Java classes and script resources are not allowed (" + attribute + "=\"" + value + "\"); use a delegate bean");
            }
            Optional<String> problem = expressions.problem(value, processId, elementId);
            if (problem.isPresent()) {
                return Optional.of(where + problem.get());
            }
        }
        String text = element.getText();
        return text == null ? Optional.empty() : expressions.problem(text, processId, elementId).map(p -> where + p);
    }

    private static boolean isCodeReference(String attribute) {
        String local = attribute.substring(attribute.lastIndexOf(':') + 1); // names may carry their namespace
        return local.equals("class") || local.equals("variableMappingClass") || local.equals("resource");
    }
}
