package io.supplyguard.account;

import io.supplyguard.customer.CustomerNotFoundException;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The account module's read API for the process modules (e.g. re-verifying arrears before a cut). */
@Service
public class Accounts {

    private final LedgerRows ledgers;
    private final PaymentRows payments;
    private final BillRows bills;

    Accounts(LedgerRows ledgers, PaymentRows payments, BillRows bills) {
        this.ledgers = ledgers;
        this.payments = payments;
        this.bills = bills;
    }

    /**
     * The bills the arrears consist of: the newest bills whose amounts add up to the arrears (older
     * ones were settled first); empty when nothing is owed or the arrears came without bills
     * (registration, prepaid consumption).
     */
    @Transactional(readOnly = true)
    public java.util.List<UnpaidBill> unpaidBills(String customerNo) {
        java.math.BigDecimal owed = status(customerNo).arrears();
        java.util.List<UnpaidBill> unpaid = new java.util.ArrayList<>();
        for (UnpaidBill bill : bills.newestFirst(customerNo)) {
            if (owed.signum() <= 0) {
                break;
            }
            unpaid.add(bill);
            owed = owed.subtract(bill.amount());
        }
        return unpaid;
    }

    /** @throws CustomerNotFoundException when the customer is not registered */
    @Transactional(readOnly = true)
    public AccountStatus status(String customerNo) {
        return ledgers.status(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
    }

    /**
     * The account under the row lock payment booking takes, held until the caller's transaction
     * ends: a payment committed before sees its effect here, one committed after waits for it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AccountStatus lockForSwitching(String customerNo) {
        return ledgers.lockStatus(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
    }

    /** Payments booked since {@code since} (inclusive), by the server's booking time. */
    @Transactional(readOnly = true)
    public PaymentsSince paymentsSince(String customerNo, OffsetDateTime since) {
        return payments.since(customerNo, since);
    }
}
