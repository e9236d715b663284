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

    Accounts(LedgerRows ledgers, PaymentRows payments) {
        this.ledgers = ledgers;
        this.payments = payments;
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
