package io.supplyguard.audit;

import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.infrastructure.web.ApiProblems;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/customers/{customerNo}/timeline}: for auditors and operators (roles in identity). */
@RestController
class TimelineController {

    private final CustomerTimeline timeline;

    TimelineController(CustomerTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/customers/{customerNo}/timeline")
    List<TimelineEntry> timeline(@PathVariable String customerNo) {
        return timeline.of(customerNo);
    }

    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CustomerNotFoundException e) {
        return ResponseEntity.status(404).body(ApiProblems.notFound(e.getMessage()));
    }
}
