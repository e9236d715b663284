package io.supplyguard.account;

import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.infrastructure.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 404 and 409 problem details of the accounting API. */
@RestControllerAdvice(basePackageClasses = AccountApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountApiProblems {

    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CustomerNotFoundException e) {
        return ResponseEntity.status(404).body(ApiProblems.notFound(e.getMessage()));
    }

    @ExceptionHandler(UnknownMeterException.class)
    ResponseEntity<ProblemDetail> unknownMeter(UnknownMeterException e) {
        return ResponseEntity.status(404).body(ApiProblems.notFound(e.getMessage()));
    }

    @ExceptionHandler(BookingConflictException.class)
    ResponseEntity<ProblemDetail> conflict(BookingConflictException e) {
        return ResponseEntity.status(409).body(ApiProblems.conflict(e.field(), e.getMessage()));
    }
}
