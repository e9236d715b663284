package io.supplyguard.customer;

import io.supplyguard.customer.CustomerView.ContactView;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/customers/{customerNo}/contact-checks} {@code {"phone", "role", "confirmed"}}:
 * counter staff record what the customer at the counter confirmed or corrected (role counter-staff).
 */
@RestController
class ContactCheckController {

    private final CounterContactChecks checks;

    ContactCheckController(CounterContactChecks checks) {
        this.checks = checks;
    }

    @PostMapping("/api/customers/{customerNo}/contact-checks")
    ResponseEntity<?> check(@PathVariable String customerNo, @RequestBody CounterContactChecks.Check check, Principal principal) {
        if (!customerNo.matches(RegistryFormats.CUSTOMER_NO)) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(
                    List.of(new FieldError("customerNo", "Pattern", "must be 10 digits"))));
        }
        ContactView contact = checks.record(customerNo, check, principal != null ? principal.getName() : null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customerNo", customerNo);
        answer.put("phone", contact.phone());
        answer.put("role", contact.role());
        answer.put("status", contact.status());
        answer.put("verifiedAt", contact.verifiedAt());
        answer.put("checkedBy", principal.getName());
        return ResponseEntity.status(201).body(answer);
    }

    @ExceptionHandler(CounterContactChecks.InvalidCheckException.class)
    ResponseEntity<ProblemDetail> invalid(CounterContactChecks.InvalidCheckException e) {
        return ResponseEntity.badRequest().body(ApiProblems.invalid(e.errors()));
    }

    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CustomerNotFoundException e) {
        return ResponseEntity.status(404).body(ApiProblems.notFound(e.getMessage()));
    }
}
