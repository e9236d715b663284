package io.supplyguard.switching;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The kernel's decisions for one customer (timeline, audit). */
@Service
public class SwitchingDecisions {

    private final SwitchingRecords records;

    SwitchingDecisions(SwitchingRecords records) {
        this.records = records;
    }

    @Transactional(readOnly = true)
    public List<SwitchingDecisionView> of(String customerNo) {
        return records.decisionsOf(customerNo);
    }
}
