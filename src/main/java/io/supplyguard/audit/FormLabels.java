package io.supplyguard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The labels of the Camunda Forms SupplyGuard ships ({@code forms/*.form}, the files it deploys):
 * what a field was called on the screen and the Chinese label of each code a select offered, so an
 * auditor reads "审批决定: 驳回" instead of {@code disconnectionDecision: REJECT}.
 */
@Component
class FormLabels {

    /** Labels of one form: field key → label, and field key → (code → label) for selects and radios. */
    record Form(Map<String, String> labels, Map<String, Map<String, String>> options) {

        static final Form NONE = new Form(Map.of(), Map.of());

        String label(String key) {
            return labels.getOrDefault(key, key);
        }

        /** The label the form showed for this value, or null when the field offers no choices. */
        String display(String key, Object value) {
            Map<String, String> choices = options.get(key);
            return choices == null || value == null ? null : choices.get(String.valueOf(value));
        }
    }

    private final Map<String, Form> byFormId = new HashMap<>();

    FormLabels(ObjectMapper json) {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Map<String, String> labels = new HashMap<>();
                    Map<String, Map<String, String>> options = new HashMap<>();
                    collect(form.path("components"), labels, options);
                    byFormId.put(form.path("id").asText(), new Form(Map.copyOf(labels), Map.copyOf(options)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms on the classpath", e);
        }
    }

    /** The form with this id ({@code camunda:formRef}); an empty one when unknown (keys stand for labels). */
    Form of(String formId) {
        return formId == null ? Form.NONE : byFormId.getOrDefault(formId, Form.NONE);
    }

    private static void collect(JsonNode components, Map<String, String> labels, Map<String, Map<String, String>> options) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null && component.hasNonNull("label")) {
                labels.put(key, component.get("label").asText());
            }
            if (key != null && component.has("values")) {
                Map<String, String> choices = new HashMap<>();
                component.get("values").forEach(v -> choices.put(v.path("value").asText(), v.path("label").asText()));
                options.put(key, Map.copyOf(choices));
            }
            collect(component.path("components"), labels, options);
        }
    }
}
