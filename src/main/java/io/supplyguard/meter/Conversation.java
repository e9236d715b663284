package io.supplyguard.meter;

import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import io.supplyguard.meter.bus.BusWorker;
import io.supplyguard.meter.bus.Exchange;
import io.supplyguard.meter.bus.Priority;
import io.supplyguard.meter.dlt645.Address;
import io.supplyguard.meter.dlt645.Dlt645;
import io.supplyguard.meter.dlt645.Frame;
import io.supplyguard.meter.dlt645.FrameCodec;
import io.supplyguard.meter.dlt645.Hex;
import io.supplyguard.meter.dlt645.MalformedFrameException;
import io.supplyguard.meter.dlt645.Reply;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The frames of one command to one meter: each request queued on the meter's bus at the
 * command's priority, its reply classified, every attempt audited, and lost or garbled
 * replies retried with backoff (a refusal never is).
 */
final class Conversation {

    /** A control frame that waited longer than this in the bus queue is checked again before sending. */
    static final Duration LATE_IN_QUEUE = Duration.ofSeconds(3);

    private final BusWorker bus;
    private final Duration replyTimeout;
    private final Priority priority;
    private final CommandAuditor audit;
    private final long auditId;
    private final MeterSettings settings;

    Conversation(BusWorker bus, Duration replyTimeout, Priority priority, CommandAuditor audit, long auditId,
                 MeterSettings settings) {
        this.bus = bus;
        this.replyTimeout = replyTimeout;
        this.priority = priority;
        this.audit = audit;
        this.auditId = auditId;
        this.settings = settings;
    }

    /** Sends the request until it is answered (or refused), and parses the accepted value. */
    <T> Answer<T> ask(Frame request, String step, Function<byte[], T> parse) {
        return askGuarded(request, step, parse, null);
    }

    /**
     * The same for a control frame: each attempt that waited in the bus queue longer than
     * {@link #LATE_IN_QUEUE} is checked by the guard again before it goes on the wire.
     */
    <T> Answer<T> askGuarded(Frame request, String step, Function<byte[], T> parse, SendGuard guard) {
        Answer<T> answer = attempt(request, step, 1, parse, guard);
        for (int retry = 1; retry <= settings.retries() && answer.retryable(); retry++) {
            pause(settings.backoffBefore(retry));
            if (guard != null) {
                Optional<String> refused = guard.refusal();
                if (refused.isPresent()) {
                    return Answer.failed(CommandOutcome.REFUSED, refused.get());
                }
            }
            answer = attempt(request, step, retry + 1, parse, guard);
        }
        return answer;
    }

    private <T> Answer<T> attempt(Frame request, String step, int attempt, Function<byte[], T> parse, SendGuard guard) {
        byte[] wire = FrameCodec.encodeForWire(request);
        long frameId = audit.frameQueued(auditId, step, attempt, Hex.of(wire));
        Exchange exchange = await(guard == null ? bus.submit(priority, wire, replyTimeout)
                : bus.submit(priority, wire, replyTimeout, LATE_IN_QUEUE, guard::refusal));
        if (exchange.withdrawn() != null) {
            audit.frameDone(frameId, new MeterFrameRecord(step, attempt, Hex.of(wire), "", "WITHDRAWN (not sent): "
                    + exchange.withdrawn(), exchange.startedAt(), 0));
            return Answer.failed(CommandOutcome.REFUSED, "withdrawn after waiting in the bus queue: " + exchange.withdrawn());
        }
        Answer<T> answer = classify(request, exchange, parse);
        audit.frameDone(frameId, new MeterFrameRecord(step, attempt, Hex.of(exchange.request()),
                Hex.of(exchange.received().bytes()), answer.ok() ? "OK" : answer.failure() + ": " + answer.reason(),
                exchange.startedAt(), exchange.duration().toMillis()));
        return answer;
    }

    private <T> Answer<T> classify(Frame request, Exchange exchange, Function<byte[], T> parse) {
        if (exchange.transportFailure() != null) {
            return Answer.failed(CommandOutcome.NO_RESPONSE, "transport failed: " + exchange.transportFailure());
        }
        byte[] bytes = exchange.received().bytes();
        if (bytes.length == 0) {
            return Answer.failed(CommandOutcome.NO_RESPONSE, "no reply within " + replyTimeout.toMillis() + " ms");
        }
        if (!exchange.received().complete()) {
            return Answer.failed(CommandOutcome.CORRUPT_REPLY, "incomplete frame: " + bytes.length + " bytes");
        }
        try {
            Frame reply = FrameCodec.decode(bytes);
            if (!request.address().equals(Address.WILDCARD) && !reply.address().equals(request.address())) {
                return Answer.failed(CommandOutcome.WRONG_METER, "reply from address " + reply.address());
            }
            Reply interpreted = Dlt645.interpret(request, reply);
            if (interpreted instanceof Reply.Rejected rejected) {
                return Answer.failed(CommandOutcome.REJECTED, rejected.reason());
            }
            return Answer.of(parse.apply(((Reply.Accepted) interpreted).value()));
        } catch (MalformedFrameException e) {
            return Answer.failed(CommandOutcome.CORRUPT_REPLY, e.getMessage());
        }
    }

    private static Exchange await(CompletableFuture<Exchange> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeterBusUnavailableException("interrupted while waiting for the bus", e);
        } catch (ExecutionException e) {
            throw new MeterBusUnavailableException("bus failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeterBusUnavailableException("interrupted", e);
        }
    }
}
