package io.supplyguard.disconnection;

import java.time.OffsetDateTime;

/** Published after a disconnection process has confirmed a trip and recorded the relay OPEN. */
public record SupplyDisconnected(String customerNo, String meterNo, String processInstanceId, OffsetDateTime at) {
}
