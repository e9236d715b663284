package io.supplyguard.infrastructure.events;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A listener that failed (database busy, engine conflict) leaves its publication incomplete; the
 * registry republishes those at start-up, and this resubmits them while the node runs, once they
 * are older than any listener normally takes.
 */
@Component
class IncompletePublicationResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    IncompletePublicationResubmission(IncompleteEventPublications incomplete,
            @Value("${supplyguard.events.resubmit-older-than:PT5M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${supplyguard.events.resubmit-every:PT1M}", initialDelayString = "PT1M")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
