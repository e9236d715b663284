package io.supplyguard;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.calendar.ExecutionWindowProperties;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rule 5 of issue 15: without the demo profile the settings are production's — the real execution
 * window and notice days (the test profile changes neither). {@code PackagedJarIT} proves the same
 * of the packaged jar's users and customers.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProductionDefaultsTest {

    @Autowired Environment environment;
    @Autowired ExecutionWindowProperties window;
    @Value("${supplyguard.disconnection.notice-day}") Duration noticeDay;

    @Test
    void noProfileIsTheDemoUnlessChosen() {
        assertThat(environment.getDefaultProfiles()).containsExactly("default");
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
    }

    @Test
    void theExecutionWindowAndNoticeDaysAreReal() {
        assertThat(window.opensAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(window.closesAt()).isEqualTo(LocalTime.of(15, 0));
        assertThat(window.workingDays()).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(window.observeHolidayCalendar()).as("holidays and the maintained range count").isTrue();
        assertThat(noticeDay).isEqualTo(Duration.ofDays(1));
    }
}
