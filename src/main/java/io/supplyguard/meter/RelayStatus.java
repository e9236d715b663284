package io.supplyguard.meter;

/** Status word 3 (DI 04000503) as far as switching is concerned. */
public record RelayStatus(boolean relayOpen, boolean commandOpen, boolean preTripAlarm, boolean powerGuarantee) {
}
