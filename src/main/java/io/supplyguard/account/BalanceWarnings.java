package io.supplyguard.account;

import io.supplyguard.notification.NoValidContactException;
import io.supplyguard.notification.Notifications;
import io.supplyguard.notification.SmsTemplate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.supplyguard.infrastructure.events.AfterCommitEventsConfiguration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the low-balance warning once the reading that caused it has committed (a rolled-back
 * reading warns nobody). If it cannot be sent, the warning is re-armed so that the next reading
 * below the threshold tries again.
 */
@Component
class BalanceWarnings {

    private static final Logger log = LoggerFactory.getLogger(BalanceWarnings.class);

    private final Notifications notifications;
    private final LedgerRows ledgers;
    private final TransactionTemplate ownTransaction;

    BalanceWarnings(Notifications notifications, LedgerRows ledgers, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.ledgers = ledgers;
        // the send and a re-arm each commit on their own (a failed send must not undo the re-arm)
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Async(AfterCommitEventsConfiguration.EXECUTOR)
    @TransactionalEventListener
    void send(LowBalanceWarningDue due) {
        try {
            ownTransaction.executeWithoutResult(status -> notifications.sendSms(due.customerNo(),
                    SmsTemplate.BALANCE_WARNING,
                    Map.of("balance", yuan(due.balance()), "threshold", yuan(due.threshold())),
                    null));
        } catch (NoValidContactException e) {
            log.warn("Low-balance warning for customer {} not sent: no valid contact", due.customerNo());
            rearm(due);
        } catch (RuntimeException e) {
            log.error("Low-balance warning for customer {} not sent: {}", due.customerNo(), e.toString());
            rearm(due);
        }
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private void rearm(LowBalanceWarningDue due) {
        ownTransaction.executeWithoutResult(status -> ledgers.rearmWarning(due.customerNo()));
    }
}
