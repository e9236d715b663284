package io.supplyguard.meter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code supplyguard.cluster.*}: how nodes on one database share the buses (issue 16). Each bus
 * has one owner at a time, by a lease in table INT_LOCK (Spring Integration's JDBC lock registry
 * and leader initiator); a dead owner's buses are taken over once its lease has expired.
 *
 * @param leaseTime     how long an owner's lease lasts without renewal: the longest a dead owner's buses stay unserved
 * @param heartbeat     how often the owner renews its leases (and a non-owner tries to take them)
 * @param startupWait   how long start-up waits for the first election of every bus before the node reports ready
 * @param takeoverGuard pause between winning a bus and its first frame, so a transaction the old owner began just
 *                      before its lease expired has ended; default the bus's reply timeout + 1 s (none for a simulated bus)
 */
@ConfigurationProperties("supplyguard.cluster")
record ClusterProperties(Duration leaseTime, Duration heartbeat, Duration startupWait, Duration takeoverGuard) {

    ClusterProperties {
        leaseTime = leaseTime != null ? leaseTime : Duration.ofSeconds(10);
        heartbeat = heartbeat != null ? heartbeat : Duration.ofMillis(500);
        startupWait = startupWait != null ? startupWait : Duration.ofSeconds(5);
        if (heartbeat.compareTo(leaseTime.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("supplyguard.cluster.heartbeat (" + heartbeat + ") must be at most a third of "
                    + "supplyguard.cluster.lease-time (" + leaseTime + "), or leases lapse between renewals");
        }
    }

    Duration takeoverGuard(MeterProperties.Bus bus) {
        if (takeoverGuard != null) {
            return takeoverGuard;
        }
        return bus.transport() == MeterProperties.Transport.SIMULATED ? Duration.ZERO : bus.replyTimeout().plusSeconds(1);
    }
}
