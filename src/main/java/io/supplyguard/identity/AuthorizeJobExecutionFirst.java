package io.supplyguard.identity;

import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A refused job execution changes nothing. Camunda's {@code ManagementService.executeJob}
 * (what {@code POST /engine-rest/job/{id}/execute} calls) checks the caller's right to the job
 * inside the job's own command, after registering it for failed-job handling: a 403 then counts
 * as a failed attempt (a retry used, at zero an incident). The same check runs first here, in a
 * command of its own, so a refusal never reaches the failed-job handling; the job executor's
 * threads, which run without a user, are not affected.
 */
@Component
class AuthorizeJobExecutionFirst extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setManagementService(new CheckingManagementService(configuration));
    }

    static class CheckingManagementService extends ManagementServiceImpl {

        CheckingManagementService(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        public void executeJob(String jobId) {
            commandExecutor.execute(new CheckJobUpdate(jobId));
            super.executeJob(jobId);
        }
    }

    /** Camunda's own check of {@code ExecuteJobsCmd}; an unknown job is left to it to report. */
    record CheckJobUpdate(String jobId) implements Command<Void> {

        @Override
        public Void execute(CommandContext context) {
            JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
            if (job != null) {
                for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkUpdateJob(job);
                }
            }
            return null;
        }
    }
}
