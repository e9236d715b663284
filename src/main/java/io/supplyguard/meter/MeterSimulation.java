package io.supplyguard.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulated meters behind buses configured as SIMULATED (demo profile, tests). Lets tests
 * and the demo seeder install meters and provoke the failures a real bus has.
 */
public interface MeterSimulation {

    /** Installs (or replaces) a simulated meter answering at {@code address} on {@code busId}. */
    void install(String busId, String address, String meterNo, boolean relayOpen);

    boolean isInstalled(String busId, String address);

    RelayStatus status(String busId, String address);

    /** Moves the relay as if by hand (e.g. a field crew at the meter box). */
    void forceRelay(String busId, String address, boolean open);

    void setPowerGuarantee(String busId, String address, boolean on);

    /** What the meter reports as remaining money (DI 00900200); 100.00 when installed. */
    void setRemainingMoney(String busId, String address, BigDecimal amount);

    /**
     * Makes the meter misbehave for the next {@code times} requests the fault applies to
     * ({@code Integer.MAX_VALUE}: until cleared): password and stuck-relay faults count control
     * commands only, a wrong meter number counts meter-number reads, the others every request.
     */
    void injectFault(String busId, String address, SimulatedFault fault, int times);

    void clearFaults(String busId, String address);

    /** N1 codes of every control frame the simulated bus received for {@code address} (1AH = trip), in order. */
    List<Integer> controlFramesReceived(String busId, String address);

    /** Trip frames (control 1CH, N1 = 1AH) the meter at {@code address} received. */
    default long tripFramesReceived(String busId, String address) {
        return controlFramesReceived(busId, address).stream().filter(n1 -> n1 == ControlCommand.TRIP.n1()).count();
    }

    /** Every well-formed request frame the simulated bus received (any address), in order of arrival. */
    List<ReceivedFrame> framesReceived(String busId);

    /**
     * A request frame as the simulated bus received it: when (the simulator's clock), for whom, its
     * function code, the control N1 (-1 for other frames) and the frame in hex without wake-up bytes.
     */
    record ReceivedFrame(Instant receivedAt, String address, int function, int n1, String hex) {

        /** {@code hex} as the audit writes frames (spaced or not, FEH wake-up bytes first) reduced to the frame itself. */
        public static String withoutWakeUps(String hex) {
            String plain = hex.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
            while (plain.startsWith("FE")) {
                plain = plain.substring(2);
            }
            return plain;
        }

        public boolean isTrip() {
            return n1 == ControlCommand.TRIP.n1();
        }
    }

    /** Every reply on the bus arrives this much later (zero, the default: at once). */
    void setLatency(String busId, Duration extraPerReply);

    enum SimulatedFault {
        /** No reply at all. */
        SILENT,
        /** Reply with a wrong checksum. */
        GARBLED,
        /** Abnormal reply: wrong password / unauthorised. */
        REJECT_PASSWORD,
        /** Acknowledges switching commands but the relay does not move. */
        RELAY_STUCK,
        /** Reports a different meter number. */
        WRONG_METER_NUMBER,
        /** Replies only after the reply timeout has passed (as a meter on a congested bus). */
        SLOW_REPLY,
        /** Replies from another communication address (a crossed wire or a second meter answering). */
        WRONG_ADDRESS
    }
}
