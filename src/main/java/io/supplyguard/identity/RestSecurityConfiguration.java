package io.supplyguard.identity;

import static io.supplyguard.identity.Roles.*;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * {@code /api/**}, {@code /engine-rest/**} and the actuator (except health) need HTTP Basic
 * (Camunda identity); {@code /api} and the actuator check roles here, {@code /engine-rest} leaves
 * the decision to Camunda's authorizations. The webapps keep their own login, sessions and CSRF protection, so their paths pass untouched.
 * 401 and 403 are problem details.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

    static final String[] STAFF = {FEE_CONTROL_OPERATORS, LEADERS, DISTRICT_MANAGERS, RECONNECTION_DESK, COUNTY_DUTY,
            FIELD_CREW, AUDITORS, COUNTER_STAFF, ADMINS};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, IdentityService identity) throws Exception {
        // path matchers, not MVC ones: /engine-rest is Jersey's servlet, not Spring MVC's
        var engineRest = PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**");
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"), engineRest,
                        EndpointRequest.toAnyEndpoint()))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic, Camunda user)")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "authentication required (HTTP Basic, Camunda user)"))
                        .accessDeniedHandler((request, response, ex) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "your role may not " + request.getMethod() + " "
                                        + request.getRequestURI())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(engineRest).authenticated()
                        // actuator: health for load balancers; metrics, info, ... only for administrators
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(ADMINS)
                        // registry and billing data come from the billing system
                        .requestMatchers(POST, "/api/customers", "/api/customers/import").hasAnyAuthority(BILLING_SYSTEM, ADMINS)
                        .requestMatchers(POST, "/api/payments", "/api/bills", "/api/readings", "/api/sms/receipts")
                        .hasAnyAuthority(BILLING_SYSTEM, ADMINS)
                        // 营业厅: counter staff confirm or correct a customer's contacts at the counter
                        .requestMatchers(POST, "/api/customers/*/contact-checks").hasAnyAuthority(COUNTER_STAFF, ADMINS)
                        // only fee-control operators run disconnections
                        .requestMatchers(POST, "/api/fee-control/evaluations", "/api/disconnections/**")
                        .hasAnyAuthority(FEE_CONTROL_OPERATORS, ADMINS)
                        .requestMatchers(POST, "/api/weather-alerts").hasAnyAuthority(FEE_CONTROL_OPERATORS, ADMINS)
                        .requestMatchers(DELETE, "/api/weather-alerts/**").hasAnyAuthority(FEE_CONTROL_OPERATORS, ADMINS)
                        .requestMatchers(PUT, "/api/calendar/**").hasAnyAuthority(FEE_CONTROL_OPERATORS, ADMINS)
                        .requestMatchers(GET, "/api/customers/*/timeline", "/api/customers/*/sms", "/api/kpis", "/api/reports/**")
                        .hasAnyAuthority(Roles.READERS_OF_CUSTOMER_HISTORY.toArray(String[]::new))
                        // held and released model versions: their authors, the leaders who decide, auditors
                        .requestMatchers(GET, "/api/model-releases").hasAnyAuthority(PROCESS_DESIGNERS, LEADERS, AUDITORS, ADMINS)
                        .requestMatchers(GET, "/api/**").hasAnyAuthority(STAFF)
                        .anyRequest().hasAuthority(ADMINS))
                .addFilterAfter(new EngineRestAuthenticationBridge(identity), AuthorizationFilter.class);
        return http.build();
    }

    /** Everything else (webapps, static files) keeps Camunda's own protection. */
    @Bean
    @Order(2)
    SecurityFilterChain webappsKeepTheirOwnSecurity(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.UNAUTHORIZED ? "Unauthorized" : "Forbidden");
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"SupplyGuard\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
