package io.supplyguard.dispute;

import static io.supplyguard.dispute.DisputeVariables.*;

import io.supplyguard.identity.Roles;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of 处理客户争议 (and of its escalated form, leaders only): the decision and its
 * reason recorded with the engine's authenticated user, who must be a leader or a fee-control
 * operator, and the server's clock. A form field never says who decided.
 */
@Component("resolveDispute")
class DisputeResolution implements TaskListener {

    private final Disputes disputes;
    private final IdentityService identity;
    private final Clock clock;

    DisputeResolution(Disputes disputes, IdentityService identity, Clock clock) {
        this.disputes = disputes;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> allowed = TASK_RESOLVE_ESCALATED.equals(task.getTaskDefinitionKey()) ? List.of(Roles.LEADERS)
                : Roles.DISPUTE_RESOLVERS;
        String user = DisputeAuthority.authenticatedUser(identity);
        if (!DisputeAuthority.memberOfAny(identity, user, allowed)) {
            throw new BadUserRequestException("无权处理客户争议（user '" + user + "' is in none of " + allowed + "）");
        }
        Object decision = task.getVariable(DISPUTE_RESOLUTION);
        Dispute.Status outcome = "UPHELD".equals(decision) ? Dispute.Status.UPHELD
                : "REJECTED".equals(decision) ? Dispute.Status.REJECTED : null;
        if (outcome == null) {
            throw new BadUserRequestException("请选择处理结论（field '" + DISPUTE_RESOLUTION + "' UPHELD or REJECTED）");
        }
        Object text = task.getVariable(RESOLUTION_TEXT);
        if (text == null || text.toString().isBlank() || text.toString().trim().length() > DisputeInput.MAX_TEXT) {
            throw new BadUserRequestException("请填写处理意见（field '" + RESOLUTION_TEXT + "' 1 to " + DisputeInput.MAX_TEXT
                    + " characters）");
        }
        long id = ((Number) task.getVariable(DISPUTE_ID)).longValue();
        if (!disputes.resolve(id, outcome, text.toString().trim(), user, OffsetDateTime.now(clock))) {
            throw new BadUserRequestException("该争议已处理（dispute " + id + " is no longer open）");
        }
    }
}
