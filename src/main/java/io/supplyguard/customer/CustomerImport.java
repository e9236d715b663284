package io.supplyguard.customer;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplyguard.infrastructure.web.FieldError;
import io.supplyguard.infrastructure.web.FieldErrors;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Bulk registration: each row is bound, validated and saved on its own, so valid rows are
 * saved and every invalid row is reported with its row number and reasons. Nothing is dropped.
 */
@Service
class CustomerImport {

    private final CustomerRegistry registry;
    private final Validator validator;
    private final ObjectMapper json;

    CustomerImport(CustomerRegistry registry, Validator validator, ObjectMapper json) {
        this.registry = registry;
        this.validator = validator;
        this.json = json;
    }

    ImportReport importRows(List<JsonNode> rows) {
        int created = 0;
        int updated = 0;
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int rowNumber = i + 1;
            JsonNode row = rows.get(i);
            String customerNo = row != null && row.hasNonNull("customerNo") ? row.get("customerNo").asText() : null;
            try {
                CustomerRegistration registration = json.treeToValue(row, CustomerRegistration.class);
                if (registration == null) {
                    rejected.add(new ImportReport.RejectedRow(rowNumber, null,
                            List.of(new FieldError("row", "Required", "is empty"))));
                    continue;
                }
                List<FieldError> errors = FieldErrors.of(validator.validate(registration));
                if (!errors.isEmpty()) {
                    rejected.add(new ImportReport.RejectedRow(rowNumber, customerNo, errors));
                    continue;
                }
                if (registry.register(registration).created()) {
                    created++;
                } else {
                    updated++;
                }
            } catch (JsonMappingException e) {
                rejected.add(new ImportReport.RejectedRow(rowNumber, customerNo, List.of(FieldErrors.of(e))));
            } catch (RegistryConflictException e) {
                rejected.add(new ImportReport.RejectedRow(rowNumber, customerNo,
                        List.of(new FieldError(e.field(), "Conflict", e.getMessage()))));
            } catch (org.springframework.dao.DataAccessException e) {
                rejected.add(new ImportReport.RejectedRow(rowNumber, customerNo,
                        List.of(new FieldError("row", "Storage", "could not be stored: " + e.getMostSpecificCause().getMessage()))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                rejected.add(new ImportReport.RejectedRow(rowNumber, customerNo,
                        List.of(new FieldError("row", "Syntax", e.getOriginalMessage()))));
            }
        }
        return new ImportReport(rows.size(), created, updated, rejected);
    }
}
