package io.supplyguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.ImportanceGrade;
import io.supplyguard.identity.Roles;
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

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
