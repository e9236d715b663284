package io.supplyguard.disconnection;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The "never two per customer" guard: a primary key on the customer number. */
@Repository
class ActiveDisconnections {

    private final JdbcClient jdbc;

    ActiveDisconnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws DisconnectionAlreadyRunningException when another disconnection holds the customer */
    void claim(String customerNo, String processInstanceId, String trigger, OffsetDateTime now) {
        Optional<String> holder = holder(customerNo);
        if (holder.isPresent()) {
            throw new DisconnectionAlreadyRunningException(customerNo, holder.get());
        }
        try {
            jdbc.sql("""
                    INSERT INTO active_disconnection (customer_no, process_instance_id, started_at, trigger_source)
                    VALUES (?, ?, ?, ?)""").params(customerNo, processInstanceId, now, trigger).update();
        } catch (DuplicateKeyException lostRace) {
            // a concurrent start won; on PostgreSQL this transaction can run no further statement
            throw new DisconnectionAlreadyRunningException(customerNo, "started concurrently");
        }
    }

    void release(String processInstanceId) {
        jdbc.sql("DELETE FROM active_disconnection WHERE process_instance_id = ?").param(processInstanceId).update();
    }

    /** One query per page of the arrears evaluation. */
    Set<String> heldAmong(Collection<String> customerNos) {
        if (customerNos.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT customer_no FROM active_disconnection WHERE customer_no IN (:customers)")
                .param("customers", customerNos).query(String.class).list());
    }

    Optional<String> holder(String customerNo) {
        return jdbc.sql("SELECT process_instance_id FROM active_disconnection WHERE customer_no = ?")
                .param(customerNo).query(String.class).optional();
    }
}
