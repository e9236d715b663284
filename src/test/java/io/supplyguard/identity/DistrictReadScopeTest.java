package io.supplyguard.identity;

import static io.supplyguard.identity.RoleUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.customer.CustomerRegistration;
import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.identity.RoleHttp.Response;
import java.util.List;
import java.util.Map;
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

/**
 * Rule 2 of issue 15: district managers and field crews read only their districts' customers — over
 * {@code /engine-rest} (instances, variables, history, tasks) and {@code /api} (customer, timeline) —
 * while county-wide roles read everything. Two real disconnections wait at a district manager's task,
 * one in TQ-T01 and one in TQ-T03.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class DistrictReadScopeTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;

    RoleHttp http;
    String ownCustomer;
    String ownInstance;
    String otherCustomer;
    String otherInstance;

    static CustomerRegistration inTQ_T03(CustomerRegistration r) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(), r.billingMode(), "TQ-T03",
                r.agreementSignedOn(), r.importanceGrade(), r.safetySensitive(), r.safetyReason(), r.supervisingBody(),
                r.contacts(), r.meter(), r.account());
    }

    @BeforeEach
    void oneWaitingDisconnectionInEachDistrict() {
        RoleUsers.ensure(directory);
        http = new RoleHttp(port, engine);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
        ownCustomer = fixture.customer(DisconnectionFixture::staleContact).customerNo();
        otherCustomer = fixture.customer(r -> DisconnectionFixture.staleContact(inTQ_T03(r))).customerNo();
        ownInstance = start(ownCustomer);
        otherInstance = start(otherCustomer);
    }

    String start(String customerNo) {
        return runtime.startProcessInstanceByKey("arrears-disconnection", customerNo, Map.of("customerNo", customerNo)).getId();
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    List<Response> readsOf(String user, String customerNo, String instanceId) {
        return List.of(
                http.get(user, "/engine-rest/process-instance?businessKey=" + customerNo),
                http.get(user, "/engine-rest/process-instance/" + instanceId + "/variables"),
                http.get(user, "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId),
                http.get(user, "/engine-rest/task?processInstanceId=" + instanceId),
                http.get(user, "/engine-rest/history/process-instance?processInstanceId=" + instanceId),
                http.get(user, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId),
                http.get(user, "/engine-rest/history/activity-instance?processInstanceId=" + instanceId),
                http.get(user, "/api/customers/" + customerNo),
                http.get(user, "/api/customers/" + customerNo + "/timeline"));
    }

    /** Refused (401/403/404) or empty; never the customer's data. */
    static void refusedOrEmpty(String who, List<Response> reads) {
        for (Response read : reads) {
            assertThat(read.status() == 200 ? read.body() : "refused " + read.status()).as(who)
                    .satisfiesAnyOf(body -> assertThat(body).isEqualTo("[]"), body -> assertThat(body).startsWith("refused 40"));
        }
    }

    @Test
    void aDistrictManagerReadsNothingOfAnotherDistrict() {
        refusedOrEmpty("manager of TQ-T01 reading TQ-T03", readsOf(MANAGER_T01, otherCustomer, otherInstance));
        assertThat(http.get(MANAGER_T01, "/engine-rest/process-instance/" + otherInstance).status()).isIn(403, 404);
        assertThat(http.get(MANAGER_T01, "/engine-rest/history/process-instance/" + otherInstance).status()).isIn(403, 404);
    }

    @Test
    void aFieldCrewReadsNothingOfAnotherDistrict() {
        refusedOrEmpty("crew of TQ-T01 reading TQ-T03", readsOf(CREW_T01, otherCustomer, otherInstance));
    }

    @Test
    void aDistrictManagerReadsHisOwnDistrictsInstanceVariablesHistoryAndTask() {
        assertThat(http.get(MANAGER_T01, "/engine-rest/process-instance?businessKey=" + ownCustomer).body()).contains(ownInstance);
        Response variables = http.get(MANAGER_T01, "/engine-rest/process-instance/" + ownInstance + "/variables");
        assertThat(variables.status()).as(variables.body()).isEqualTo(200);
        assertThat(variables.body()).contains("TQ-T01");
        assertThat(http.get(MANAGER_T01, "/engine-rest/task?processInstanceId=" + ownInstance).body()).contains(ownInstance);
        assertThat(http.get(MANAGER_T01, "/engine-rest/history/process-instance?processInstanceId=" + ownInstance).body()).contains(ownInstance);
        assertThat(http.get(MANAGER_T01, "/api/customers/" + ownCustomer).status()).isEqualTo(200);
        assertThat(http.get(MANAGER_T03, "/engine-rest/process-instance?businessKey=" + otherCustomer).body()).contains(otherInstance);
    }

    @Test
    void countyWideRolesReadEveryDistrict() {
        for (String user : List.of(OPERATOR, LEADER, DESK, DUTY, AUDITOR)) {
            Response instances = http.get(user, "/engine-rest/process-instance?businessKey=" + otherCustomer);
            assertThat(instances.body()).as(user).contains(otherInstance);
        }
        assertThat(http.get(AUDITOR, "/engine-rest/history/process-instance?processInstanceId=" + otherInstance).body()).contains(otherInstance);
        assertThat(http.get(OPERATOR, "/api/customers/" + otherCustomer).status()).isEqualTo(200);
        assertThat(http.get(OPERATOR, "/api/customers/" + otherCustomer + "/timeline").status()).isEqualTo(200);
    }
}
