package io.supplyguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.ImportanceGrade;
import io.supplyguard.identity.Roles;
import io.supplyguard.meter.MeterSimulation;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"test", "demo"})
class DemoDataSeederTest {

    @Autowired DemoDataSeeder seeder;
    @Autowired IdentityService identity;
    @Autowired CustomerRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired MeterSimulation meters;

    @Test
    void everyRoleHasADemoUserWhosePasswordIsItsId() {
        for (Roles.Role role : Roles.ALL) {
            var members = identity.createUserQuery().memberOfGroup(role.groupId()).list();
            assertThat(members).as(role.groupId()).isNotEmpty();
            assertThat(identity.checkPassword(members.get(0).getId(), members.get(0).getId())).isTrue();
        }
    }

    @Test
    void seedsAVariedRegistryAndSeedingAgainChangesNothing() {
        long before = count("SELECT COUNT(*) FROM customer");
        assertThat(before).isEqualTo(DemoCustomers.COUNT);

        seeder.seed();

        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM customer_contact")).isEqualTo(count("SELECT COUNT(*) FROM customer_contact WHERE valid_to IS NULL"));
        assertThat(identity.createUserQuery().userId("admin").count()).isEqualTo(1);

        assertThat(count("SELECT COUNT(*) FROM account WHERE arrears > 0")).isGreaterThan(50);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE agreement_signed_on IS NULL")).isGreaterThan(5);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE safety_sensitive")).isGreaterThan(5);
        for (ImportanceGrade grade : Arrays.stream(ImportanceGrade.values()).filter(ImportanceGrade::isImportant).toList()) {
            assertThat(count("SELECT COUNT(*) FROM customer WHERE importance_grade = '" + grade + "'")).as(grade.name()).isPositive();
        }
        assertThat(count("SELECT COUNT(*) FROM customer_contact WHERE status = 'INVALID'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM customer_contact WHERE status = 'UNVERIFIED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM customer_contact WHERE verified_at < CURRENT_TIMESTAMP - INTERVAL '180' DAY")).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT bus_id) FROM meter")).isEqualTo(2);
        assertThat(count("""
                SELECT COUNT(*) FROM meter m JOIN meter_binding b ON b.active_meter_no = m.meter_no
                JOIN account a ON a.customer_no = b.customer_no WHERE m.relay_state = 'OPEN' AND a.arrears = 0""")).isPositive();
        assertThat(registry.get(DemoCustomers.customerNo(1)).importanceGrade()).isEqualTo(ImportanceGrade.SPECIAL);
    }

    @Test
    void everyDemoMeterAnswersOnItsSimulatedBusWithTheRegistryRelayState() {
        for (int i = 1; i <= DemoCustomers.COUNT; i++) {
            String meterNo = DemoCustomers.meterNo(i);
            String bus = DemoCustomers.busOf(i);
            assertThat(meters.isInstalled(bus, meterNo)).as(meterNo).isTrue();
            String registered = jdbc.sql("SELECT relay_state FROM meter WHERE meter_no = ?").param(meterNo).query(String.class).single();
            assertThat(meters.status(bus, meterNo).relayOpen()).as(meterNo).isEqualTo(registered.equals("OPEN"));
        }
        assertThat(meters.status(DemoCustomers.busOf(7), DemoCustomers.meterNo(7)).relayOpen()).isTrue();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
