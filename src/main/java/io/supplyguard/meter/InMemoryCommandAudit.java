package io.supplyguard.meter;

import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The audit kept in memory: for the commissioning CLI (it prints it) and unit tests. */
final class InMemoryCommandAudit implements CommandAuditor, MeterCommandAudit {

    private final AtomicLong ids = new AtomicLong();
    private final List<MeterCommandRecord> commands = new ArrayList<>();
    // frame id -> the frame list of its command (frames of one command are sequential: the last one is open)
    private final List<List<MeterFrameRecord>> frameOwners = new ArrayList<>();

    @Override
    public synchronized long begin(String busId, String address, String meterNo, String command, Requester requester) {
        long id = ids.incrementAndGet();
        commands.add(new MeterCommandRecord(id, busId, address, meterNo, command, null, null, Instant.now(), null,
                requester.userId(), requester.processInstanceId(), requester.activityId(), new ArrayList<>()));
        return id;
    }

    @Override
    public synchronized long frameQueued(long commandId, String step, int attempt, String requestHex) {
        List<MeterFrameRecord> frames = find(commandId).frames();
        frames.add(new MeterFrameRecord(step, attempt, requestHex, null, "QUEUED", Instant.now(), 0));
        frameOwners.add(frames);
        return frameOwners.size() - 1;
    }

    @Override
    public synchronized void frameDone(long frameId, MeterFrameRecord frame) {
        List<MeterFrameRecord> frames = frameOwners.get((int) frameId);
        frames.set(frames.size() - 1, frame);
    }

    @Override
    public synchronized void finish(long commandId, CommandOutcome outcome, String reason, long durationMillis) {
        MeterCommandRecord r = find(commandId);
        commands.set(commands.indexOf(r), new MeterCommandRecord(r.id(), r.busId(), r.address(), r.meterNo(),
                r.command(), outcome == null ? null : outcome.name(), reason, r.startedAt(), durationMillis, r.userId(),
                r.processInstanceId(), r.activityId(), r.frames()));
    }

    @Override
    public synchronized List<MeterCommandRecord> listForMeter(String address) {
        return commands.stream().filter(c -> c.address().equals(address)).toList();
    }

    @Override
    public List<UnfinishedCommand> unfinishedSwitching(Instant startedBefore) {
        return List.of(); // the commissioning CLI's audit lives as long as the command line
    }

    @Override
    public void markReconciled(long commandId, String reason, Instant at) {
    }

    synchronized MeterCommandRecord find(long commandId) {
        return commands.stream().filter(c -> c.id() == commandId).findFirst().orElseThrow();
    }
}
