package io.supplyguard.dispute;

import static io.supplyguard.dispute.DisputeVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/customers/{customerNo}/disputes} starts {@code customer-dispute} as the caller
 * (the engine authenticates them, so the recording step sees exactly who records, as it does for
 * a Tasklist start); {@code GET} lists the customer's disputes.
 */
@RestController
class DisputeController {

    private final Disputes disputes;
    private final CustomerRegistry registry;
    private final RuntimeService runtime;
    private final IdentityService identity;

    DisputeController(Disputes disputes, CustomerRegistry registry, RuntimeService runtime, IdentityService identity) {
        this.disputes = disputes;
        this.registry = registry;
        this.runtime = runtime;
        this.identity = identity;
    }

    record DisputeRequest(String kind, String text, String source, String ticketNo) {
    }

    @PostMapping("/api/customers/{customerNo}/disputes")
    ResponseEntity<?> record(@PathVariable String customerNo, @RequestBody DisputeRequest request, Principal principal) {
        DisputeInput input = new DisputeInput(request.kind(), request.text(), request.source(), request.ticketNo());
        List<FieldError> errors = input.errors();
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        if (registry.find(customerNo).isEmpty()) {
            return ResponseEntity.status(404).body(ApiProblems.notFound("no customer " + customerNo));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CUSTOMER_NO, customerNo);
        variables.put(DISPUTE_KIND, request.kind());
        variables.put(DISPUTE_TEXT, request.text());
        variables.put(DISPUTE_SOURCE, request.source());
        variables.put(TICKET_NO, request.ticketNo());
        Authentication caller = (Authentication) principal;
        identity.setAuthentication(caller.getName(), caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        String processInstanceId;
        try {
            processInstanceId = runtime.createProcessInstanceByKey(PROCESS_ID).businessKey(customerNo).setVariables(variables)
                    .execute().getId();
        } finally {
            identity.clearAuthentication();
        }
        Dispute dispute = disputes.ofCustomer(customerNo).stream()
                .filter(d -> processInstanceId.equals(d.processInstanceId())).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/customers/" + customerNo + "/disputes/" + dispute.id())).body(dispute);
    }

    @GetMapping("/api/customers/{customerNo}/disputes")
    ResponseEntity<?> list(@PathVariable String customerNo) {
        if (registry.find(customerNo).isEmpty()) {
            return ResponseEntity.status(404).body(ApiProblems.notFound("no customer " + customerNo));
        }
        return ResponseEntity.ok(disputes.ofCustomer(customerNo));
    }
}
