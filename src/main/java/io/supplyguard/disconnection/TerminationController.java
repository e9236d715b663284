package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * P10: a started disconnection ends early only through a leader-approved termination. This
 * endpoint files the request (reason mandatory); the process gives the leaders the approval task.
 */
@RestController
@RequestMapping("/api/disconnections")
class TerminationController {

    static final String APPROVAL_TASK = "Task_ApproveTermination";

    private final RuntimeService runtime;
    private final TaskService tasks;

    TerminationController(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    record TerminationRequest(@NotBlank @Size(max = 500) String reason, String requestedBy) {
    }

    @PostMapping("/{customerNo}/termination-requests")
    ResponseEntity<?> request(@PathVariable String customerNo, @RequestBody TerminationRequest request, Principal principal) {
        List<FieldError> errors = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", "NotBlank", "a termination needs a reason"));
        } else if (request.reason().length() > 500) {
            errors.add(new FieldError("reason", "Size", "at most 500 characters"));
        }
        String requestedBy = principal != null ? principal.getName() : request.requestedBy();
        if (requestedBy == null || requestedBy.isBlank()) {
            errors.add(new FieldError("requestedBy", "NotBlank", "who asks for the termination"));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(customerNo).active().singleResult();
        if (instance == null) {
            return ResponseEntity.status(404).body(ApiProblems.notFound("no running arrears disconnection for customer " + customerNo));
        }
        if (tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(APPROVAL_TASK).count() > 0) {
            return ResponseEntity.status(409).body(ApiProblems.conflict("customerNo",
                    "a termination request for customer " + customerNo + " is already waiting for a leader"));
        }
        runtime.createMessageCorrelation(MESSAGE_TERMINATION_REQUESTED)
                .processInstanceId(instance.getId())
                .setVariable(TERMINATION_REASON, request.reason().trim())
                .setVariable(TERMINATION_REQUESTED_BY, requestedBy)
                .correlate();
        return ResponseEntity.accepted().body(Map.of("customerNo", customerNo, "processInstanceId", instance.getId(),
                "status", "WAITING_FOR_APPROVAL"));
    }
}
