package io.supplyguard.guard;

import static io.supplyguard.identity.RoleUsers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleHttp;
import io.supplyguard.identity.RoleHttp.Response;
import io.supplyguard.identity.RoleUsers;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Rule 6 of issue 15: the business key of a customer's process is its customer number. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class BusinessKeyTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    RoleHttp http;

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        http = new RoleHttp(port, engine);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    Response start(String businessKey, String customerNo) {
        Map<String, Object> body = businessKey == null
                ? Map.of("variables", Map.of("customerNo", Map.of("value", customerNo, "type", "String")))
                : Map.of("businessKey", businessKey, "variables", Map.of("customerNo", Map.of("value", customerNo, "type", "String")));
        return http.post(OPERATOR, "/engine-rest/process-definition/key/arrears-disconnection/start", body);
    }

    @Test
    void aStartWhoseBusinessKeyIsAnotherCustomerIsRefusedAndNothingStarts() {
        String customerNo = fixture.customer().customerNo();
        String other = fixture.customer().customerNo();
        Response response = start(other, customerNo);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("business key '" + other + "' differs from variable customerNo '" + customerNo + "'");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("arrears-disconnection")
                .variableValueEquals("customerNo", customerNo).count()).isZero();
    }

    @Test
    void aStartWithoutBusinessKeyGetsTheCustomerNumber() {
        String customerNo = fixture.customer().customerNo();
        Response response = start(null, customerNo);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"businessKey\":\"" + customerNo + "\"");
    }
}
