package io.supplyguard.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a person types into a task form is read by the process: every input field key of the form
 * of every user task (not the read-only context, not static text) is a variable that the task's
 * complete listeners read (the constants their source uses, or the names an expression listener is
 * given) or that an expression of the same model uses (gateway conditions, end listeners). A key
 * nobody reads is a typo or a field whose value the process silently ignores.
 *
 * <p>Static, and therefore cheap: the listeners' Java sources are read as text, constants are
 * resolved through the modules' {@code *Variables} classes.
 */
class FormInputsAreReadTest {

    /**
     * Free-text remarks that nothing needs to decide on: they are kept in the history (full
     * history level) for auditors. A new key belongs here only when that is its whole purpose.
     */
    static final Set<String> KEPT_FOR_THE_RECORD = Set.of(
            "agreementCorrection", // 核对费控协议档案: what the operator found and did; the process ends NOT_UNDER_FEE_CONTROL anyway
            "supervisionAction", "supervisionRemark", // 复电专席督办: what the desk did; the supervision task just ends
            "overnightAction", "overnightRemark", // 县级值班员处理过夜复电: likewise
            "followUpRemark"); // 停电无欠费核查: the closed-loop guard checks the customers, not the remark

    static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern STRING = Pattern.compile("[\"']([A-Za-z_]\\w*)[\"']");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyInputOfEveryUserTaskFormIsReadByTheProcess() throws IOException {
        Map<String, JsonNode> forms = forms();
        Map<String, String> constants = constants();
        List<String> unread = new ArrayList<>();
        int inputs = 0;
        for (Resource resource : resources("classpath*:processes/**/*.bpmn")) {
            String xml;
            try (InputStream in = resource.getInputStream()) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Set<String> readByModel = namesInExpressions(xml);
            // every bean the model calls (service tasks, execution and task listeners) reads for the whole process
            Matcher delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(xml);
            while (delegate.find()) {
                readByModel.addAll(readBySource(delegate.group(1), constants));
            }
            Matcher called = Pattern.compile("[$#]\\{(\\w+)\\.\\w+\\(").matcher(xml);
            while (called.find()) {
                // ${bean.method(...)}; engine names (execution, task, decisionResult) have no source here
                if (!Set.of("execution", "task", "decisionResult").contains(called.group(1))) {
                    readByModel.addAll(readBySource(called.group(1), constants));
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                JsonNode form = forms.get(task.getCamundaFormRef());
                assertThat(form).as(task.getId() + " form " + task.getCamundaFormRef()).isNotNull();
                Set<String> read = new HashSet<>(readByModel);
                for (CamundaTaskListener listener : task.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
                        .stream().flatMap(e -> e.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()).toList()) {
                    if (listener.getCamundaDelegateExpression() != null) {
                        read.addAll(readBySource(bean(listener.getCamundaDelegateExpression()), constants));
                    }
                }
                for (String key : inputKeys(form)) {
                    inputs++;
                    if (!read.contains(key) && !KEPT_FOR_THE_RECORD.contains(key)) {
                        unread.add(resource.getFilename() + " " + task.getId() + " (" + task.getCamundaFormRef() + "): " + key);
                    }
                }
            }
        }
        assertThat(inputs).as("form inputs checked").isGreaterThan(20);
        assertThat(unread).as("form inputs that no listener or expression reads").isEmpty();
    }

    static List<String> inputKeys(JsonNode form) {
        List<String> keys = new ArrayList<>();
        for (JsonNode component : form.get("components")) {
            if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false)) {
                keys.add(component.get("key").asText());
            }
        }
        return keys;
    }

    /** Identifiers and quoted names in every ${...} of the model (conditions, expression listeners, inputs). */
    static Set<String> namesInExpressions(String xml) {
        Set<String> names = new HashSet<>();
        Matcher expression = EXPRESSION.matcher(xml.replace("&#39;", "'").replace("&quot;", "\""));
        while (expression.find()) {
            Matcher word = WORD.matcher(expression.group(1));
            while (word.find()) {
                names.add(word.group());
            }
        }
        return names;
    }

    /** The names a listener bean's source reads: string literals and the values of the constants it uses. */
    static Set<String> readBySource(String bean, Map<String, String> constants) throws IOException {
        Path source = sourceOf(bean);
        String text = Files.readString(source);
        Set<String> names = new HashSet<>();
        Matcher literal = STRING.matcher(text);
        while (literal.find()) {
            names.add(literal.group(1));
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String value = constants.get(word.group());
            if (value != null) {
                names.add(value);
            }
        }
        return names;
    }

    static String bean(String delegateExpression) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(delegateExpression.trim());
        assertThat(m.matches()).as("delegate expression names a bean: " + delegateExpression).isTrue();
        return m.group(1);
    }

    static Path sourceOf(String bean) throws IOException {
        String className = Character.toUpperCase(bean.charAt(0)) + bean.substring(1) + ".java";
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> candidates = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return p.getFileName().toString().equals(className) || declares(Files.readString(p), bean);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
            assertThat(candidates).as("source of listener bean " + bean).isNotEmpty();
            return candidates.stream().filter(p -> {
                try {
                    return declares(Files.readString(p), bean);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(candidates.get(0));
        }
    }

    /** A {@code @Component("name")} class or a {@code @Bean("name")} method (then the whole configuration class is read). */
    static boolean declares(String source, String bean) {
        return source.contains("@Component(\"" + bean + "\")") || source.contains("@Bean(\"" + bean + "\")");
    }

    /** NAME -> value of every {@code static final String} in the modules' *Variables classes. */
    static Map<String, String> constants() throws IOException {
        Map<String, String> constants = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith("Variables.java")).toList()) {
                Matcher m = CONSTANT.matcher(Files.readString(file));
                while (m.find()) {
                    constants.put(m.group(1), m.group(2));
                }
            }
        }
        return constants;
    }

    static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Resource resource : resources("classpath*:forms/**/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode form = JSON.readTree(in);
                forms.put(form.get("id").asText(), form);
            }
        }
        return forms;
    }

    static Resource[] resources(String pattern) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources(pattern);
    }
}
