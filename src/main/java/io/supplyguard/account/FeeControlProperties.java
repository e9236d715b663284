package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fee-control rules that the business changes without a release ({@code supplyguard.fee-control.*}).
 *
 * @param gracePeriod       how long arrears may stay overdue before disconnection is considered
 * @param evaluationCron    when the arrears evaluation runs (Spring cron, business time zone)
 * @param tariff            yuan per kWh charged for prepaid consumption
 * @param warningThreshold  available balance (yuan) below which a prepaid customer is warned once
 * @param paidAtTolerance   how far a payment channel's clock may run ahead of ours
 * @param reportListLimit   how many customers an evaluation answer lists (all are recorded)
 */
@ConfigurationProperties("supplyguard.fee-control")
public record FeeControlProperties(
        Period gracePeriod,
        String evaluationCron,
        BigDecimal tariff,
        BigDecimal warningThreshold,
        Duration paidAtTolerance,
        Integer reportListLimit) {

    public FeeControlProperties {
        gracePeriod = gracePeriod == null ? Period.ofDays(10) : gracePeriod;
        evaluationCron = evaluationCron == null ? "0 0 7 * * *" : evaluationCron;
        tariff = tariff == null ? new BigDecimal("0.5483") : tariff;
        warningThreshold = warningThreshold == null ? new BigDecimal("50.00") : warningThreshold;
        paidAtTolerance = paidAtTolerance == null ? Duration.ofMinutes(1) : paidAtTolerance;
        reportListLimit = reportListLimit == null ? 200 : reportListLimit;
    }
}
