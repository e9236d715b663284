package io.supplyguard.identity;

import static io.supplyguard.identity.RoleUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * The actuator tells anyone whether the application is up, and nothing else: metrics (request
 * counts per URI, JVM details), info and every other endpoint answer administrators only.
 * Same context as {@link SecurityMatrixTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class ActuatorExposureTest {

    @LocalServerPort int port;
    @Autowired IdentityDirectory directory;

    @BeforeEach
    void users() {
        RoleUsers.ensure(directory);
    }

    @Test
    void healthAnswersWithoutCredentials() {
        assertThat(status(null, "/actuator/health")).isEqualTo(200);
    }

    @Test
    void administratorsSeeWhichBusesThisNodeOwnsOthersOnlyTheStatus() {
        String forAdmin = body(ADMIN, "/actuator/health");
        assertThat(forAdmin).contains("\"busOwnership\"").contains("\"bus-1\":{").contains("\"ownership\":\"OWNED\"");
        assertThat(body(OPERATOR, "/actuator/health")).doesNotContain("busOwnership");
        assertThat(body(null, "/actuator/health")).doesNotContain("busOwnership");
        assertThat(body(ADMIN, "/actuator/metrics/supplyguard.bus.owned?tag=bus:bus-1")).contains("\"value\":1.0");
    }

    @Test
    void everyOtherEndpointIsForAdministratorsOnly() {
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/http.server.requests",
                "/actuator/info")) {
            assertThat(status(null, path)).as("anonymous " + path).isEqualTo(401);
            for (String user : List.of(OPERATOR, LEADER, MANAGER_T01, DESK, DUTY, CREW_T01, AUDITOR, DESIGNER, BILLING)) {
                assertThat(status(user, path)).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(status(ADMIN, "/actuator/metrics")).isEqualTo(200);
        assertThat(status(ADMIN, "/actuator/info")).isEqualTo(200);
    }

    @Test
    void endpointsThatAreNotExposedAnswerNobody() {
        for (String path : List.of("/actuator/prometheus", "/actuator/env", "/actuator/beans", "/actuator/heapdump")) {
            for (String user : java.util.Arrays.asList(null, OPERATOR, ADMIN)) {
                assertThat(status(user, path)).as(user + " " + path).isIn(401, 403, 404);
            }
        }
    }

    private String body(String user, String path) {
        var request = RestClient.create("http://localhost:" + port).get().uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user));
        }
        return request.retrieve().body(String.class);
    }

    private int status(String user, String path) {
        var request = RestClient.create("http://localhost:" + port).get().uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user));
        }
        return request.exchange((req, res) -> res.getStatusCode().value());
    }
}
