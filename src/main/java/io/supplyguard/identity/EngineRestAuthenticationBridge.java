package io.supplyguard.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user of an {@code /engine-rest} request to the process engine, so that
 * Camunda's authorizations decide what the REST API may do (as they do in the webapps). The
 * {@code /api} endpoints check roles themselves and run their engine calls as the system.
 */
class EngineRestAuthenticationBridge extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineRestAuthenticationBridge(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // the decoded servlet path, not the raw URI: "/engine%2Drest/..." reaches the same servlet
        if (!"/engine-rest".equals(request.getServletPath())
                || authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
