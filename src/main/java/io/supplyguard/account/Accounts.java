package io.supplyguard.account;

import io.supplyguard.customer.CustomerNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's read API for the process modules (e.g. re-verifying arrears before a cut). */
@Service
public class Accounts {

    private final LedgerRows ledgers;

    Accounts(LedgerRows ledgers) {
        this.ledgers = ledgers;
    }

    /** @throws CustomerNotFoundException when the customer is not registered */
    @Transactional(readOnly = true)
    public AccountStatus status(String customerNo) {
        return ledgers.status(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
    }
}
