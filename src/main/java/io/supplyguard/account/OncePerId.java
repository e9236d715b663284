package io.supplyguard.account;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books at most once per external id: a stored booking is answered again; a concurrent twin that
 * loses the race on the id's primary key gets the winner's booking as its answer.
 */
final class OncePerId {

    private OncePerId() {
    }

    static <R> R book(Supplier<Optional<R>> stored, TransactionTemplate transaction, Supplier<R> booking) {
        Optional<R> replay = stored.get();
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return transaction.execute(status -> booking.get());
        } catch (DuplicateKeyException concurrentTwin) {
            return stored.get().orElseThrow(() -> concurrentTwin);
        }
    }
}
