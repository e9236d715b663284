package io.supplyguard.meter.sim;

import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import io.supplyguard.meter.bus.WireResponder;
import io.supplyguard.meter.dlt645.Address;
import io.supplyguard.meter.dlt645.Dlt645;
import io.supplyguard.meter.dlt645.Frame;
import io.supplyguard.meter.MeterSimulation.ReceivedFrame;
import io.supplyguard.meter.dlt645.FrameCodec;
import io.supplyguard.meter.dlt645.Hex;
import io.supplyguard.meter.dlt645.MalformedFrameException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many simulated meters on one RS-485 bus. Answers as meters do: silence for garbled or
 * foreign frames, 0–4 wake-up bytes before a reply, optionally as slowly as the wire would
 * carry the bytes ({@code bytes × 11 / baud}).
 */
public final class SimulatedBus implements WireResponder {

    private static final int BITS_PER_BYTE_8E1 = 11;

    private final String busId;
    private final Clock clock;
    private final Map<String, SimulatedMeter> meters = new ConcurrentHashMap<>();
    private volatile Duration extraLatency = Duration.ZERO;
    private volatile int wireBaud;
    private volatile Duration slowReply = Duration.ofSeconds(5);
    private volatile Integer wakeUps;
    private final Queue<ReceivedFrame> received = new ConcurrentLinkedQueue<>();
    private volatile FrameLog frameLog;

    public SimulatedBus(String busId, Clock clock) {
        this.busId = busId;
        this.clock = clock;
    }

    public String busId() {
        return busId;
    }

    void install(SimulatedMeter meter) {
        meters.put(meter.address(), meter);
    }

    SimulatedMeter meter(String address) {
        SimulatedMeter meter = meters.get(address);
        if (meter == null) {
            throw new IllegalArgumentException("no simulated meter at " + address + " on " + busId);
        }
        return meter;
    }

    boolean has(String address) {
        return meters.containsKey(address);
    }

    public int size() {
        return meters.size();
    }

    void setExtraLatency(Duration latency) {
        this.extraLatency = latency;
    }

    /** Emulates wire time at this baud rate (0: off). */
    public void setWireBaud(int baud) {
        this.wireBaud = baud;
    }

    /** How late a meter with the SLOW_REPLY fault answers. */
    public void setSlowReply(Duration delay) {
        this.slowReply = delay;
    }

    /** Wake-up bytes before each reply: a fixed count, or null for a random 0–4 as meters differ. */
    public void setWakeUps(Integer count) {
        this.wakeUps = count;
    }

    @Override
    public Response respond(byte[] requestBytes) {
        Frame request;
        try {
            request = FrameCodec.decode(requestBytes);
        } catch (MalformedFrameException garbled) {
            return Response.silent();
        }
        record(request, requestBytes);
        SimulatedMeter meter = addressee(request);
        if (request.isReply() || meter == null || meter.consume(SimulatedFault.SILENT)) {
            return Response.silent();
        }
        Frame reply = meter.handle(request, LocalDateTime.now(clock));
        if (meter.consume(SimulatedFault.WRONG_ADDRESS)) {
            reply = new Frame(neighbourOf(meter.address()), reply.control(), reply.data());
        }
        byte[] bytes = withWakeUps(FrameCodec.encode(reply));
        if (meter.consume(SimulatedFault.GARBLED)) {
            bytes[bytes.length - 2] ^= 0x5A;
        }
        Duration delay = extraLatency.plus(wireTime(requestBytes.length + bytes.length));
        if (meter.consume(SimulatedFault.SLOW_REPLY)) {
            delay = delay.plus(slowReply);
        }
        return new Response(bytes, delay);
    }

    /** N1 codes of every control frame received for {@code address}, in order: the ground truth of "was it tripped". */
    public List<Integer> controlFramesReceived(String address) {
        return received.stream().filter(f -> f.address().equals(address) && f.function() == Dlt645.CONTROL)
                .map(ReceivedFrame::n1).toList();
    }

    /** Every well-formed request frame this bus received, in order of arrival. */
    public List<ReceivedFrame> framesReceived() {
        return List.copyOf(received);
    }

    /** Also appends each received frame to {@code log} before it is answered (the standalone simulator). */
    public void logFramesTo(FrameLog log) {
        this.frameLog = log;
    }

    private void record(Frame request, byte[] bytes) {
        if (request.isReply()) {
            return;
        }
        int n1 = -1;
        if (request.function() == Dlt645.CONTROL) {
            try {
                n1 = Dlt645.controlRequestOf(request).n1();
            } catch (RuntimeException unreadable) {
                // a control frame the meter cannot read is still a control frame received
            }
        }
        ReceivedFrame frame = new ReceivedFrame(clock.instant(), request.address(), request.function(), n1,
                ReceivedFrame.withoutWakeUps(Hex.of(bytes)));
        received.add(frame);
        FrameLog log = frameLog;
        if (log != null) {
            log.append(frame);
        }
    }

    /** Wire time of {@code bytes} at the emulated baud rate (zero when not emulating). */
    public Duration wireTime(int bytes) {
        int baud = wireBaud;
        return baud <= 0 ? Duration.ZERO : Duration.ofNanos(bytes * BITS_PER_BYTE_8E1 * 1_000_000_000L / baud);
    }

    private SimulatedMeter addressee(Frame request) {
        if (request.address().equals(Address.WILDCARD) && request.function() == Dlt645.READ_ADDRESS) {
            // more than one meter would answer at once and garble each other: nobody is understood
            return meters.size() == 1 ? meters.values().iterator().next() : null;
        }
        return meters.get(request.address());
    }

    private byte[] withWakeUps(byte[] frame) {
        Integer fixed = wakeUps;
        int count = fixed != null ? fixed : ThreadLocalRandom.current().nextInt(FrameCodec.WAKE_UP_SENT + 1);
        byte[] bytes = new byte[count + frame.length];
        Arrays.fill(bytes, 0, count, (byte) FrameCodec.WAKE_UP);
        System.arraycopy(frame, 0, bytes, count, frame.length);
        return bytes;
    }

    private static String neighbourOf(String address) {
        long n = Long.parseLong(address);
        return String.format("%012d", (n + 1) % 1_000_000_000_000L);
    }
}
