package io.supplyguard.account;

import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** On-demand arrears evaluation (the same as the scheduled one) and the customers it recorded. */
@RestController
@RequestMapping("/api/fee-control/evaluations")
class EvaluationController {

    private static final int MAX_PAGE = 1000;

    private final ArrearsEvaluation evaluation;

    EvaluationController(ArrearsEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @PostMapping
    EvaluationReport evaluate() {
        return evaluation.evaluate(EvaluationTrigger.ON_DEMAND);
    }

    /** Keyset paging: pass the last customer number of a page as {@code after} for the next one. */
    @GetMapping("/{evaluationId}/customers")
    ResponseEntity<?> customers(@PathVariable long evaluationId,
            @RequestParam(required = false) CandidateOutcome outcome,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(
                    List.of(new FieldError("limit", "Range", "must be between 1 and " + MAX_PAGE))));
        }
        return evaluation.customers(evaluationId, outcome, after, limit).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404)
                        .body(ApiProblems.notFound("arrears evaluation " + evaluationId + " does not exist")));
    }
}
