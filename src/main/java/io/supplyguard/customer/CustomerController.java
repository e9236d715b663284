package io.supplyguard.customer;

import io.supplyguard.identity.DistrictScope;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import io.supplyguard.infrastructure.web.FieldErrors;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registry REST API: create or update a customer, read it back. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerRegistry registry;
    private final Validator validator;

    CustomerController(CustomerRegistry registry, Validator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    @PostMapping
    ResponseEntity<?> register(@RequestBody CustomerRegistration registration) {
        List<FieldError> errors = FieldErrors.of(validator.validate(registration));
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        RegistrationOutcome outcome = registry.register(registration);
        CustomerView view = registry.get(outcome.customerNo());
        return outcome.created()
                ? ResponseEntity.created(java.net.URI.create("/api/customers/" + outcome.customerNo())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{customerNo}")
    ResponseEntity<?> get(@PathVariable String customerNo) {
        if (!customerNo.matches(RegistryFormats.CUSTOMER_NO)) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(
                    List.of(new FieldError("customerNo", "Pattern", "must be 10 digits"))));
        }
        CustomerView customer = registry.get(customerNo);
        if (!DistrictScope.mayRead(SecurityContextHolder.getContext().getAuthentication(), customer.district())) {
            // district managers and field crews read their own districts only
            ProblemDetail forbidden = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "customer " + customerNo + " is not in one of your districts");
            forbidden.setTitle("Forbidden");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden);
        }
        return ResponseEntity.ok(customer);
    }

    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CustomerNotFoundException e) {
        return ResponseEntity.status(404).body(ApiProblems.notFound(e.getMessage()));
    }

    @ExceptionHandler(RegistryConflictException.class)
    ResponseEntity<ProblemDetail> conflict(RegistryConflictException e) {
        return ResponseEntity.status(409).body(ApiProblems.conflict(e.field(), e.getMessage()));
    }
}
