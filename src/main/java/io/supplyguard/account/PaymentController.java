package io.supplyguard.account;

import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Payments from the collection channels: 201 when booked, 200 when the same payment is replayed. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final Payments payments;
    private final RequestChecks checks;

    PaymentController(Payments payments, RequestChecks checks) {
        this.payments = payments;
        this.checks = checks;
    }

    @PostMapping
    ResponseEntity<?> pay(@RequestBody PaymentRequest request) {
        List<FieldError> errors = checks.check(request, "paidAt", request.paidAt());
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        PaymentResult result = payments.book(request);
        return result.replay() ? ResponseEntity.ok(result)
                : ResponseEntity.created(URI.create("/api/payments/" + result.paymentId())).body(result);
    }

    @GetMapping("/{paymentId}")
    ResponseEntity<?> get(@PathVariable String paymentId) {
        return payments.find(paymentId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(ApiProblems.notFound("payment " + paymentId + " is not booked")));
    }
}
