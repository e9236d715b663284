package io.supplyguard.reconnection;

import java.time.OffsetDateTime;

/**
 * Published (Spring event) when an emergency's power guarantee has been released with leader
 * approval and confirmed off: arrears handling of the customer may resume.
 */
public record PowerGuaranteeReleased(String customerNo, String meterNo, String processInstanceId, OffsetDateTime at) {
}
