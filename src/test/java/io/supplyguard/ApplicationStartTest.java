package io.supplyguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void engineRunsWithFullHistoryAndEnforcedTimeToLive() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();
    }
}
