package io.supplyguard.release;

import static io.supplyguard.release.ModelReleaseVariables.*;

import io.supplyguard.identity.Roles;
import io.supplyguard.release.ModelReleases.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * 审批模型发布, on completion: records the decision in {@code model_release}. The approver is the
 * engine's authenticated user, who must be a leader and not the version's author (four eyes); a
 * rejection needs its reason. The decision field is a claim; what the release step acts on is this record.
 */
@Component("modelReleaseDecision")
class ModelReleaseDecision implements TaskListener {

    private final ModelReleases releases;
    private final Clock clock;

    ModelReleaseDecision(ModelReleases releases, Clock clock) {
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        CommandContext command = Context.getCommandContext();
        String user = command.getAuthenticatedUserId();
        var release = releases.byReleaseInstance(task.getProcessInstanceId())
                .orElseThrow(() -> new ReleaseRefusedException("没有与此任务对应的模型发布记录（no model release for this task）"));
        if (user == null || !isLeader(command, user)) {
            throw new ReleaseRefusedException("只有领导可以审批模型发布（only a leader may decide a model release）");
        }
        if (user.equals(release.deployedBy())) {
            throw new ReleaseRefusedException("不能审批自己部署的模型（" + user + " deployed this version: another leader decides）");
        }
        Object decision = task.getVariable(RELEASE_DECISION);
        String reason = task.getVariable(RELEASE_REASON) == null ? null : task.getVariable(RELEASE_REASON).toString().strip();
        Status status;
        if ("APPROVED".equals(decision)) {
            status = Status.APPROVED;
        } else if ("REJECTED".equals(decision)) {
            status = Status.REJECTED;
            if (reason == null || reason.isEmpty()) {
                throw new ReleaseRefusedException("驳回时必须说明理由（releaseReason is required to reject）");
            }
        } else {
            throw new ReleaseRefusedException("请选择审批意见：同意发布或驳回（releaseDecision must be APPROVED or REJECTED）");
        }
        if (!releases.decide(release.deploymentId(), status, user, OffsetDateTime.now(clock), reason == null || reason.isEmpty() ? null : reason)) {
            throw new ReleaseRefusedException("此版本已有审批结论（the release was decided already）");
        }
    }

    private static boolean isLeader(CommandContext command, String user) {
        return command.runWithoutAuthorization(() -> command.getProcessEngineConfiguration().getIdentityService()
                .createGroupQuery().groupMember(user).groupId(Roles.LEADERS).count() > 0);
    }
}
