package io.supplyguard.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/customers/import}: a JSON array of customer registrations. */
@RestController
class CustomerImportController {

    static final int MAX_ROWS = 10_000;

    private final CustomerImport customerImport;

    CustomerImportController(CustomerImport customerImport) {
        this.customerImport = customerImport;
    }

    @PostMapping("/api/customers/import")
    ResponseEntity<?> importCustomers(@RequestBody JsonNode body) {
        if (!body.isArray()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(
                    List.of(new FieldError("body", "Type", "must be a JSON array of customers"))));
        }
        if (body.size() > MAX_ROWS) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(
                    List.of(new FieldError("body", "Size", "must have at most " + MAX_ROWS + " rows; split the file"))));
        }
        List<JsonNode> rows = new ArrayList<>();
        body.forEach(rows::add);
        return ResponseEntity.ok(customerImport.importRows(rows));
    }
}
