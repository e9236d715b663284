package io.supplyguard.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A path may not percent-encode letters, digits or {@code -._~} (RFC 3986: they are sent as they
 * are). {@code /engine%2Drest/...} reaches the same servlet as {@code /engine-rest/...}, but
 * whatever compares raw paths does not see it (Spring's request-path parsing failed with a 500);
 * such a request is answered 400 before any other filter, security included, looks at it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CanonicalPathFilter extends OncePerRequestFilter {

    private static final Pattern ENCODED_UNRESERVED = Pattern.compile(
            "%(?:3[0-9]|4[1-9A-Fa-f]|5[0-9AaFf]|6[1-9A-Fa-f]|7[0-9AaEe]|2[DdEe])");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ENCODED_UNRESERVED.matcher(request.getRequestURI()).find()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"" + ApiProblems.VALIDATION + "\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"the path percent-encodes a letter, digit or -._~; send it as it is\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
