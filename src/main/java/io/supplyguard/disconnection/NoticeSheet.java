package io.supplyguard.disconnection;

import io.supplyguard.account.UnpaidBill;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.ImportanceGrade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one printed notice of a disconnection says, from SupplyGuard's records: the registry's
 * customer and meter, the ledger's arrears and bills, the posting recorded by the notice task's
 * listener (or the day it is to be posted), the earliest execution the process computes from it,
 * and for an important customer the notice time T recorded with the written notices.
 *
 * @param postedAt    null while not posted
 * @param noticeTime  null while the written notices (important customers) are not recorded
 */
record NoticeSheet(
        String processInstanceId,
        CustomerView customer,
        BigDecimal arrears,
        LocalDate overdueSince,
        List<UnpaidBill> bills,
        LocalDate postingDate,
        OffsetDateTime postedAt,
        String postedBy,
        String postingDetail,
        int noticeLeadDays,
        OffsetDateTime earliestExecution,
        OffsetDateTime noticeTime) {

    boolean important() {
        return customer.importanceGrade() != null && customer.importanceGrade() != ImportanceGrade.NONE;
    }
}
