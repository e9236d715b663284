package io.supplyguard.account;

import io.supplyguard.customer.BillingMode;
import io.supplyguard.customer.BoundMeter;
import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.customer.CustomerRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges prepaid consumption: the kWh since the meter's previous reading at the configured
 * tariff. The same reading again is a replay; a reading older than, or a register below, the last
 * one is refused (a meter exchange binds a new meter, it does not rewind a register).
 */
@Service
class Readings {

    private final CustomerRegistry registry;
    private final LedgerRows ledgers;
    private final ReadingRows readings;
    private final LowBalanceWarningPolicy warnings;
    private final BigDecimal tariff;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Readings(CustomerRegistry registry, LedgerRows ledgers, ReadingRows readings, FeeControlProperties properties,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.registry = registry;
        this.ledgers = ledgers;
        this.readings = readings;
        this.warnings = new LowBalanceWarningPolicy(properties.warningThreshold());
        this.tariff = properties.tariff();
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    ReadingResult book(ReadingRequest request) {
        BoundMeter meter = meterOf(request);
        if (meter.billingMode() != BillingMode.PREPAID) {
            throw new BookingConflictException("meterAddress", "meter " + meter.meterNo() + " belongs to POSTPAID customer "
                    + meter.customerNo() + ": postpaid consumption is billed, not charged per reading");
        }
        OffsetDateTime readAt = request.readAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime();
        try {
            return transaction.execute(status -> bookOnce(meter, readAt, request.kWh()));
        } catch (DuplicateKeyException concurrentTwin) {
            return transaction.execute(status -> bookOnce(meter, readAt, request.kWh()));
        }
    }

    private BoundMeter meterOf(ReadingRequest request) {
        List<BoundMeter> bound = registry.boundMetersAt(request.meterAddress()).stream()
                .filter(m -> request.busId() == null || m.busId().equals(request.busId()))
                .toList();
        if (bound.isEmpty()) {
            throw new UnknownMeterException(request.meterAddress());
        }
        if (bound.size() > 1) {
            throw new BookingConflictException("busId", "communication address " + request.meterAddress()
                    + " is in use on buses " + bound.stream().map(BoundMeter::busId).toList() + ": name the busId");
        }
        return bound.get(0);
    }

    private ReadingResult bookOnce(BoundMeter meter, OffsetDateTime readAt, BigDecimal kWh) {
        String customerNo = meter.customerNo();
        // the account lock also serialises the readings of this customer's meter
        Ledger before = ledgers.lock(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
        Optional<ReadingResult> same = readings.at(meter.meterNo(), readAt);
        if (same.isPresent()) {
            if (same.get().kWh().compareTo(kWh) != 0) {
                throw BookingConflictException.otherBody("readAt", meter.meterNo() + "@" + readAt);
            }
            return same.get();
        }
        Optional<ReadingResult> previous = readings.latest(meter.meterNo());
        if (previous.isPresent() && previous.get().readAt().isAfter(readAt)) {
            throw new BookingConflictException("readAt", "meter " + meter.meterNo() + " has a later reading ("
                    + previous.get().readAt() + ")");
        }
        if (previous.isPresent() && previous.get().kWh().compareTo(kWh) > 0) {
            throw new BookingConflictException("kWh", "meter " + meter.meterNo() + " register " + kWh
                    + " kWh is below its last reading " + previous.get().kWh() + " kWh");
        }
        BigDecimal consumed = previous.map(p -> kWh.subtract(p.kWh())).orElse(BigDecimal.ZERO);
        BigDecimal cost = consumed.multiply(tariff).setScale(2, RoundingMode.HALF_UP);
        Ledger charged = before.charge(cost, readAt.toLocalDate());
        Ledger after = warnings.settle(before, charged);
        boolean warn = warnings.mustWarn(before, charged);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ledgers.save(customerNo, after, now);
        ReadingResult result = new ReadingResult(meter.meterNo(), customerNo, readAt, kWh, consumed, tariff, cost,
                after.balance(), after.arrears(), warn, false);
        readings.insert(result, now);
        if (warn) {
            events.publishEvent(new LowBalanceWarningDue(customerNo, after.balance(), warnings.threshold()));
        }
        return result;
    }
}
