package io.supplyguard.account;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** On-demand arrears evaluation (the same as the scheduled one). */
@RestController
@RequestMapping("/api/fee-control/evaluations")
class EvaluationController {

    private final ArrearsEvaluation evaluation;

    EvaluationController(ArrearsEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @PostMapping
    EvaluationReport evaluate() {
        return evaluation.evaluate(EvaluationTrigger.ON_DEMAND);
    }
}
