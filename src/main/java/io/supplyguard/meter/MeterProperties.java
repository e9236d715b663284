package io.supplyguard.meter;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code supplyguard.meter.*}: the RS-485 buses this process owns and how commands are
 * confirmed and retried. Without configured buses: bus-1 and bus-2, simulated in memory.
 */
@ConfigurationProperties("supplyguard.meter")
record MeterProperties(List<Bus> buses, Duration confirmTimeout, Duration confirmPollInterval, Duration deadlineWindow,
                       Integer retries, Duration retryBackoff, Integer queueCapacity) {

    MeterProperties {
        MeterSettings defaults = MeterSettings.defaults();
        buses = buses == null || buses.isEmpty()
                ? List.of(Bus.simulated("bus-1"), Bus.simulated("bus-2")) : List.copyOf(buses);
        confirmTimeout = confirmTimeout != null ? confirmTimeout : defaults.confirmTimeout();
        confirmPollInterval = confirmPollInterval != null ? confirmPollInterval : defaults.confirmPollInterval();
        deadlineWindow = deadlineWindow != null ? deadlineWindow : defaults.deadlineWindow();
        retries = retries != null ? retries : defaults.retries();
        retryBackoff = retryBackoff != null ? retryBackoff : defaults.retryBackoff();
        queueCapacity = queueCapacity != null ? queueCapacity : 500;
    }

    MeterSettings settings() {
        return new MeterSettings(confirmTimeout, confirmPollInterval, deadlineWindow, retries, retryBackoff);
    }

    boolean anySimulated() {
        return buses.stream().anyMatch(b -> b.transport() == Transport.SIMULATED);
    }

    enum Transport { SIMULATED, SERIAL, TCP }

    /**
     * One bus: {@code port} is the serial device path (SERIAL), {@code tcp} the device server's
     * host:port (TCP). RS-485 direction control is for adapters that need the driver to switch RTS.
     */
    record Bus(String id, Transport transport, String port, String tcp, Integer baud, Duration replyTimeout,
               Duration connectTimeout, Rs485 rs485) {

        Bus {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("supplyguard.meter.buses[].id is required");
            }
            transport = transport != null ? transport : Transport.SIMULATED;
            baud = baud != null ? baud : 2400;
            replyTimeout = replyTimeout != null ? replyTimeout : Duration.ofSeconds(2);
            connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(3);
            rs485 = rs485 != null ? rs485 : new Rs485(false, true, 0, 0);
            if (transport == Transport.SERIAL && (port == null || port.isBlank())) {
                throw new IllegalArgumentException("bus " + id + ": SERIAL needs port (a device path such as /dev/ttyUSB0)");
            }
            if (transport == Transport.TCP && (tcp == null || !tcp.contains(":"))) {
                throw new IllegalArgumentException("bus " + id + ": TCP needs tcp: host:port");
            }
        }

        static Bus simulated(String id) {
            return new Bus(id, Transport.SIMULATED, null, null, null, null, null, null);
        }
    }

    record Rs485(boolean enabled, boolean rtsActiveHigh, int delayBeforeSendMicros, int delayAfterSendMicros) {
    }
}
