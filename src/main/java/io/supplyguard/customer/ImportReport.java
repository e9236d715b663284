package io.supplyguard.customer;

import io.supplyguard.infrastructure.web.FieldError;
import java.util.List;

/** Result of a bulk import: counts, and each rejected row (1-based) with its reasons. */
record ImportReport(int received, int created, int updated, List<RejectedRow> rejected) {

    record RejectedRow(int row, String customerNo, List<FieldError> errors) {
    }
}
