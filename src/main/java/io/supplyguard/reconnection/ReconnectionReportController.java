package io.supplyguard.reconnection;

import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import io.supplyguard.reconnection.ReconnectionRecords.DisconnectedWithoutArrears;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconnection reports: who is cut off but owes nothing (live), and the KPIs of a period. */
@RestController
class ReconnectionReportController {

    record DisconnectedWithoutArrearsReport(OffsetDateTime generatedAt, int count, List<DisconnectedWithoutArrears> customers) {
    }

    private final ReconnectionRecords records;
    private final ReconnectionKpis kpis;
    private final ReconnectionTimes times;

    ReconnectionReportController(ReconnectionRecords records, ReconnectionKpis kpis, ReconnectionTimes times) {
        this.records = records;
        this.kpis = kpis;
        this.times = times;
    }

    @GetMapping("/api/reports/disconnected-without-arrears")
    @Transactional(readOnly = true)
    DisconnectedWithoutArrearsReport disconnectedWithoutArrears() {
        List<DisconnectedWithoutArrears> customers = records.disconnectedWithoutArrears();
        return new DisconnectedWithoutArrearsReport(times.now(), customers.size(), customers);
    }

    /** {@code from} and {@code to} are business days (Asia/Shanghai), both included; with the figures of each day. */
    @GetMapping("/api/kpis")
    ResponseEntity<?> kpis(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        List<FieldError> errors = ReconnectionKpis.periodProblems(from, to);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(errors));
        }
        return ResponseEntity.ok(kpis.forDays(from, to));
    }
}
