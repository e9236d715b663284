package io.supplyguard.release;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What a held version changes against the approved one, as the leader reads it: BPMN elements added,
 * removed or renamed (by id and name); DMN rules added, removed or changed (by id, with their entries).
 */
final class ModelChanges {

    private ModelChanges() {
    }

    /** Lines describing the changes of {@code key}; {@code approved} is null when there is no approved version yet. */
    static List<String> of(String key, boolean decision, byte[] approved, byte[] proposed) {
        return decision ? decisionChanges(key, approved, proposed) : processChanges(approved, proposed);
    }

    private static List<String> processChanges(byte[] approved, byte[] proposed) {
        Map<String, String> before = approved == null ? Map.of() : flowElements(approved);
        Map<String, String> after = flowElements(proposed);
        return compare(before, after, "元素");
    }

    private static List<String> decisionChanges(String key, byte[] approved, byte[] proposed) {
        Map<String, String> before = approved == null ? Map.of() : rules(key, approved);
        Map<String, String> after = rules(key, proposed);
        return compare(before, after, "规则");
    }

    private static List<String> compare(Map<String, String> before, Map<String, String> after, String what) {
        List<String> lines = new ArrayList<>();
        after.forEach((id, text) -> {
            if (!before.containsKey(id)) {
                lines.add("新增" + what + " " + text);
            }
        });
        before.forEach((id, text) -> {
            if (!after.containsKey(id)) {
                lines.add("删除" + what + " " + text);
            }
        });
        after.forEach((id, text) -> {
            if (before.containsKey(id) && !before.get(id).equals(text)) {
                lines.add("修改" + what + " " + before.get(id) + " → " + text);
            }
        });
        return lines;
    }

    private static Map<String, String> flowElements(byte[] xml) {
        Map<String, String> elements = new LinkedHashMap<>();
        for (FlowElement element : Bpmn.readModelFromStream(new ByteArrayInputStream(xml)).getModelElementsByType(FlowElement.class)) {
            String name = element.getName() == null ? "" : "「" + element.getName().strip() + "」";
            elements.put(element.getId(), element.getId() + name + "（" + element.getElementType().getTypeName() + "）");
        }
        return elements;
    }

    private static Map<String, String> rules(String key, byte[] xml) {
        Map<String, String> rules = new LinkedHashMap<>();
        var model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        if (!(model.getModelElementById(key) instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
            return rules;
        }
        for (Rule rule : table.getRules()) {
            String inputs = rule.getInputEntries().stream().map(entry -> entry.getTextContent().strip()).collect(Collectors.joining(" | "));
            String outputs = rule.getOutputEntries().stream().map(entry -> entry.getTextContent().strip()).collect(Collectors.joining(" | "));
            rules.put(rule.getId(), rule.getId() + "：" + inputs + " ⇒ " + outputs);
        }
        return rules;
    }
}
