package io.supplyguard.disconnection;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The batch posting page ({@code /notices/batch.html}) works in the district manager's Tasklist
 * session through the webapps' engine REST API, which wants the session's CSRF token in a header.
 * Camunda puts that token in a cookie for {@code /camunda} only; this answers it to the page of the
 * same origin (no CORS: another site can neither read it nor use the session without it). Nothing
 * without a webapp session.
 */
@RestController
class NoticeBatchPage {

    /** The session attribute of Camunda's CsrfPreventionFilter. */
    static final String CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";

    @GetMapping("/notices/batch/csrf-token")
    ResponseEntity<Map<String, String>> token(HttpServletRequest request) {
        var session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CSRF_TOKEN);
        if (token == null) {
            return ResponseEntity.status(401).cacheControl(CacheControl.noStore()).build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", token.toString()));
    }
}
