package io.supplyguard.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The input fields a Camunda Form (form-js JSON) declares: key, component type, read-only, choices. */
final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One declared input. {@code values} are the choices of a radio or select (empty: free). */
    record FormField(String key, String type, boolean readonly, List<String> values) {
    }

    private final String formId;
    private final Map<String, FormField> fields;

    private FormFields(String formId, Map<String, FormField> fields) {
        this.formId = formId;
        this.fields = fields;
    }

    static FormFields none() {
        return new FormFields("(none)", Map.of());
    }

    static FormFields parse(InputStream form) {
        try (form) {
            JsonNode root = JSON.readTree(form);
            Map<String, FormField> fields = new LinkedHashMap<>();
            collect(root.path("components"), fields);
            return new FormFields(root.path("id").asText("(unnamed)"), fields);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable Camunda Form", e);
        }
    }

    private static void collect(JsonNode components, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            collect(component.path("components"), fields);
            String key = component.path("key").asText("");
            // a disabled field is not submitted by form-js; a keyless one (text, group) is no input
            if (key.isEmpty() || component.path("disabled").asBoolean(false)) {
                continue;
            }
            List<String> values = StreamSupport.stream(component.path("values").spliterator(), false)
                    .map(v -> v.path("value").asText()).toList();
            fields.put(key, new FormField(key, component.path("type").asText(), component.path("readonly").asBoolean(false), values));
        }
    }

    String formId() {
        return formId;
    }

    Optional<FormField> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }
}
