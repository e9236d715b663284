package io.supplyguard.account;

import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bills and prepaid meter readings from the billing and collection systems. */
@RestController
class BillController {

    private final Bills bills;
    private final Readings readings;
    private final RequestChecks checks;

    BillController(Bills bills, Readings readings, RequestChecks checks) {
        this.bills = bills;
        this.readings = readings;
        this.checks = checks;
    }

    @PostMapping("/api/bills")
    ResponseEntity<?> bill(@RequestBody BillRequest request) {
        List<FieldError> errors = checks.check(request);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        BillResult result = bills.book(request);
        return result.replay() ? ResponseEntity.ok(result)
                : ResponseEntity.created(URI.create("/api/bills/" + result.billId())).body(result);
    }

    @PostMapping("/api/readings")
    ResponseEntity<?> reading(@RequestBody ReadingRequest request) {
        List<FieldError> errors = checks.check(request, "readAt", request.readAt());
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        ReadingResult result = readings.book(request);
        return result.replay() ? ResponseEntity.ok(result) : ResponseEntity.status(201).body(result);
    }
}
