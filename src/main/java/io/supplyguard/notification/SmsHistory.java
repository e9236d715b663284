package io.supplyguard.notification;

import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.customer.CustomerRegistry;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SMS a customer was sent, newest first. */
@Service
public class SmsHistory {

    private final SmsRows rows;
    private final CustomerRegistry registry;

    SmsHistory(SmsRows rows, CustomerRegistry registry) {
        this.rows = rows;
        this.registry = registry;
    }

    /** @throws CustomerNotFoundException when the customer is not registered */
    @Transactional(readOnly = true)
    public List<SmsView> of(String customerNo) {
        if (registry.find(customerNo).isEmpty()) {
            throw new CustomerNotFoundException(customerNo);
        }
        return rows.ofCustomer(customerNo);
    }
}
