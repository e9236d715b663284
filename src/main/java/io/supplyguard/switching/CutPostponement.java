package io.supplyguard.switching;

import io.supplyguard.account.Accounts;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * For planning only: until when the payments since this disconnection started postpone its cut
 * (decision {@code payment-stops-cut}). The kernel decides again on the ledger before the trip.
 */
@Service
public class CutPostponement {

    private final SwitchingRecords records;
    private final Accounts accounts;
    private final PaymentRule paymentRule;

    CutPostponement(SwitchingRecords records, Accounts accounts, PaymentRule paymentRule) {
        this.records = records;
        this.accounts = accounts;
        this.paymentRule = paymentRule;
    }

    public Optional<OffsetDateTime> until(DelegateExecution execution) {
        return records.findCase(RootInstance.of(execution))
                .map(c -> paymentRule.evaluate(c.customerNo(), accounts.status(c.customerNo()), c.startedAt()))
                .filter(verdict -> !verdict.stopsCut())
                .map(PaymentRule.Verdict::postponedUntil);
    }
}
