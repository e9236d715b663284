package io.supplyguard.notification;

import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import io.supplyguard.infrastructure.web.FieldErrors;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Delivery receipts from the SMS gateway and a customer's SMS history. */
@RestController
class SmsController {

    private final SmsReceipts receipts;
    private final SmsHistory history;
    private final Validator validator;

    SmsController(SmsReceipts receipts, SmsHistory history, Validator validator) {
        this.receipts = receipts;
        this.history = history;
        this.validator = validator;
    }

    @PostMapping("/api/sms/receipts")
    ResponseEntity<?> receipt(@RequestBody SmsReceipt receipt) {
        List<FieldError> errors = FieldErrors.of(validator.validate(receipt));
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        return ResponseEntity.ok(receipts.apply(receipt));
    }

    @GetMapping("/api/customers/{customerNo}/sms")
    List<SmsView> history(@PathVariable String customerNo) {
        return history.of(customerNo);
    }

    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<ProblemDetail> customerNotFound(CustomerNotFoundException e) {
        return ResponseEntity.status(404).body(ApiProblems.notFound(e.getMessage()));
    }

    @ExceptionHandler(UnknownMessageException.class)
    ResponseEntity<ProblemDetail> messageNotFound(UnknownMessageException e) {
        return ResponseEntity.status(404).body(ApiProblems.notFound(e.getMessage()));
    }

    @ExceptionHandler(ReceiptConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ReceiptConflictException e) {
        return ResponseEntity.status(409).body(ApiProblems.conflict("status", e.getMessage()));
    }
}
