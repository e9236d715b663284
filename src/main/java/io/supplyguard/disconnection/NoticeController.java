package io.supplyguard.disconnection;

import io.supplyguard.customer.RegistryFormats;
import io.supplyguard.identity.DistrictScope;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Printed notices: {@code GET /api/notices/{processInstanceId}.pdf} (one disconnection's) and
 * {@code GET /api/notices?district=&date=yyyy-MM-dd} (all a district's manager posts that day).
 * Staff read them like customers: district managers and field crews only in their districts.
 */
@RestController
class NoticeController {

    private final NoticeSheets sheets;
    private final NoticeDocuments documents;

    NoticeController(NoticeSheets sheets, NoticeDocuments documents) {
        this.sheets = sheets;
        this.documents = documents;
    }

    @GetMapping("/api/notices/{processInstanceId}.pdf")
    ResponseEntity<?> notice(@PathVariable String processInstanceId) {
        Optional<NoticeSheet> sheet = processInstanceId.matches("^[A-Za-z0-9_:-]{1,64}$")
                ? sheets.of(processInstanceId) : Optional.empty();
        if (sheet.isEmpty()) {
            return ResponseEntity.status(404).body(ApiProblems.notFound("no arrears disconnection " + processInstanceId));
        }
        String district = sheet.get().customer().district();
        if (!DistrictScope.mayRead(caller(), district)) {
            return forbidden("disconnection " + processInstanceId + " is not in one of your districts");
        }
        return pdf(documents.pdf(List.of(sheet.get()), "停电通知书"), "notice-" + processInstanceId + ".pdf");
    }

    @GetMapping("/api/notices")
    ResponseEntity<?> dueOn(@RequestParam(required = false) String district, @RequestParam(required = false) String date) {
        if (district == null || !district.matches(RegistryFormats.DISTRICT)) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(List.of(
                    new FieldError("district", "Pattern", "a transformer district id (letters, digits, - and _, at most 40)"))));
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(List.of(
                    new FieldError("date", "Pattern", "a date yyyy-MM-dd"))));
        }
        if (!DistrictScope.mayRead(caller(), district)) {
            return forbidden("district " + district + " is not one of your districts");
        }
        return pdf(documents.pdf(sheets.dueIn(district, day), "停电通知书 " + district + " " + day),
                "notices-" + district + "-" + day + ".pdf");
    }

    private static Authentication caller() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(bytes);
    }

    private static ResponseEntity<ProblemDetail> forbidden(String detail) {
        ProblemDetail forbidden = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        forbidden.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden);
    }
}
