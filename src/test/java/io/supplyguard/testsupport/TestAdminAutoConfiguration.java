package io.supplyguard.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateBuilderConfigurer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Test-only: HTTP tests of a feature call the API as an administrator by default, so that each
 * feature's tests are about the feature; the rights of every role are specified separately in
 * the security matrix test ({@code TestRestTemplate.withBasicAuth} per role).
 */
@AutoConfiguration(before = RestTemplateAutoConfiguration.class)
public class TestAdminAutoConfiguration {

    public static final String USER = "test-admin";
    public static final String PASSWORD = "test-admin-password";

    @Bean
    RestTemplateBuilder restTemplateBuilder(RestTemplateBuilderConfigurer configurer) {
        return configurer.configure(new RestTemplateBuilder()).basicAuthentication(USER, PASSWORD);
    }

    /** MockMvc requests carry the same credentials unless a test sets its own. */
    @Bean
    MockMvcBuilderCustomizer basicAuthAsTestAdmin() {
        String token = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").header("Authorization", "Basic " + token));
    }

    @Bean
    TestAdmin testAdmin(IdentityService identity) {
        return new TestAdmin(identity);
    }

    public static class TestAdmin {

        private final IdentityService identity;

        TestAdmin(IdentityService identity) {
            this.identity = identity;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void create() {
            if (identity.createUserQuery().userId(USER).count() == 0) {
                User user = identity.newUser(USER);
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                identity.createMembership(USER, "camunda-admin");
            }
        }
    }
}
