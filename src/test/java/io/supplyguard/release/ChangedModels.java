package io.supplyguard.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplyguard.identity.RoleHttp.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;

/**
 * What a process designer changes in Camunda Modeler and deploys: arrears-disconnection with a task
 * renamed and a task added, the disconnection policy with one rule changed (a rule a customer without
 * agreement never reaches). Also what the tests undo afterwards.
 */
public final class ChangedModels {

    public static final String PROCESS = "arrears-disconnection";
    public static final String HELD_PROCESS = PROCESS + ".awaiting-release";
    public static final String ADDED_TASK = "Task_SecondLeaderCheck";
    public static final String ADDED_TASK_NAME = "分管领导复核";
    public static final String RENAMED_TASK_NAME = "领导审批停电（两级）";

    private ChangedModels() {
    }

    /** The files of a Modeler deployment of both changed models (forms travel with them: the models bind their forms by deployment). */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("arrears-disconnection.bpmn", arrearsDisconnection().getBytes(StandardCharsets.UTF_8));
        files.put("disconnection-policy.dmn", policy().getBytes(StandardCharsets.UTF_8));
        java.util.regex.Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(arrearsDisconnection()).results()
                .map(match -> match.group(1) + ".form").distinct()
                .forEach(form -> files.put(form, classpath("forms/" + form).getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    static String arrearsDisconnection() {
        String model = classpath("processes/arrears-disconnection.bpmn");
        String renamed = model.replace("name=\"领导审批停电\"", "name=\"" + RENAMED_TASK_NAME + "\"");
        int end = renamed.indexOf("</bpmn:process>");
        return renamed.substring(0, end) + "  <bpmn:manualTask id=\"" + ADDED_TASK + "\" name=\"" + ADDED_TASK_NAME + "\" />\n  "
                + renamed.substring(end);
    }

    static String policy() {
        String policy = classpath("processes/disconnection-policy.dmn");
        String entry = "<outputEntry id=\"Rule_10_ApprovalRequired\">";
        int at = policy.indexOf(entry);
        int text = policy.indexOf("<text>false</text>", at);
        return policy.substring(0, text) + "<text>true</text>" + policy.substring(text + "<text>false</text>".length());
    }

    public static String deploymentId(Response response) {
        try {
            return new ObjectMapper().readTree(response.body()).get("id").asText();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Removes what a test deployed (held and released versions with their instances): the approved version is the latest again. */
    public static void undeploy(RepositoryService repository, String... deploymentIds) {
        for (String id : deploymentIds) {
            if (id != null && repository.createDeploymentQuery().deploymentId(id).count() == 1) {
                repository.deleteDeployment(id, true);
            }
        }
    }

    private static String classpath(String name) {
        try (InputStream in = ChangedModels.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
