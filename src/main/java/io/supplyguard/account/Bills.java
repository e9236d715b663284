package io.supplyguard.account;

import io.supplyguard.customer.BillingMode;
import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.customer.CustomerRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books postpaid bills exactly once per bill id. A bill uses the customer's credit first; what
 * credit does not cover becomes arrears, overdue from the bill's due date.
 */
@Service
class Bills {

    private final LedgerRows ledgers;
    private final BillRows bills;
    private final CustomerRegistry registry;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Bills(LedgerRows ledgers, BillRows bills, CustomerRegistry registry, TransactionTemplate transaction, Clock clock) {
        this.ledgers = ledgers;
        this.bills = bills;
        this.registry = registry;
        this.transaction = transaction;
        this.clock = clock;
    }

    BillResult book(BillRequest request) {
        return OncePerId.book(() -> replayOf(request), transaction, () -> bookOnce(request));
    }

    private Optional<BillResult> replayOf(BillRequest request) {
        return bills.find(request.billId()).map(stored -> {
            if (!stored.digest().equals(request.digest())) {
                throw BookingConflictException.otherBody("billId", request.billId());
            }
            return stored.result().asReplay();
        });
    }

    private BillResult bookOnce(BillRequest request) {
        String customerNo = request.customerNo();
        Ledger before = ledgers.lock(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
        if (registry.get(customerNo).billingMode() == BillingMode.PREPAID) {
            throw new BookingConflictException("customerNo",
                    "customer " + customerNo + " is PREPAID: consumption is charged from meter readings, not bills");
        }
        Ledger after = before.charge(request.amount(), request.dueDate());
        OffsetDateTime now = OffsetDateTime.now(clock);
        ledgers.save(customerNo, after, now);
        BillResult result = new BillResult(request.billId(), customerNo, request.amount(), request.dueDate(),
                after.balance(), after.arrears(), now, false);
        bills.insert(request, result);
        return result;
    }
}
