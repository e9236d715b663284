package io.supplyguard.account;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The test listener of the payment event, wired the way the process modules will be: it hears a
 * payment only after the booking committed, and records whether another connection could already
 * see the booked payment (i.e. it was committed when the event arrived).
 */
@Component
class PaymentEventProbe {

    record Heard(PaymentReceived event, boolean committed) {
    }

    private final List<Heard> heard = new CopyOnWriteArrayList<>();
    private final JdbcClient jdbc;

    PaymentEventProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener
    void on(PaymentReceived event) {
        // another thread has its own connection: it sees only committed rows
        boolean committed = CompletableFuture.supplyAsync(() -> jdbc
                .sql("SELECT COUNT(*) FROM payment WHERE payment_id = ?").param(event.paymentId())
                .query(Integer.class).single() == 1).join();
        heard.add(new Heard(event, committed));
    }

    List<Heard> of(String customerNo) {
        return heard.stream().filter(h -> h.event().customerNo().equals(customerNo)).toList();
    }
}
