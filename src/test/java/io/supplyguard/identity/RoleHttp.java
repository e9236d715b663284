package io.supplyguard.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Real HTTP calls as one of {@link RoleUsers} (HTTP Basic), answering status and body whatever they are. */
public final class RoleHttp {

    public record Response(int status, String body, String contentType) {
        public boolean allowed() {
            return status != 401 && status != 403;
        }
    }

    private final RestClient http;

    /**
     * {@code /engine-rest} finds its engine by name in Camunda's static registry, which the test
     * context started last claims: this context's engine is registered again for its calls.
     */
    public RoleHttp(int port, ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    public Response call(String user, HttpMethod method, String path, Object body) {
        var request = http.method(method).uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                String.valueOf(res.getHeaders().getContentType())));
    }

    public Response get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    public Response post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    public Response put(String user, String path, Object body) {
        return call(user, HttpMethod.PUT, path, body);
    }

    /** {@code /engine-rest/deployment/create} as Camunda Modeler sends it: a deployment name and the files. */
    public Response deploy(String user, String deploymentName, java.util.Map<String, byte[]> files) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", deploymentName);
        parts.add("deployment-source", "Camunda Modeler");
        files.forEach((fileName, content) -> parts.add(fileName, new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }));
        return http.post().uri("/engine-rest/deployment/create").header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> new Response(res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        String.valueOf(res.getHeaders().getContentType())));
    }

    public RestClient client() {
        return http;
    }
}
