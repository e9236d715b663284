package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What a failed browser test leaves behind, checked on a real failure: a refused login, run as
 * a test of its own, must fail saying what the page showed and leave its
 * screenshot, the page's text and the browser console in {@code target/browser-screenshots/}.
 */
@BrowserTest
class BrowserFailureReportTest {

    static final String RUN_INNER = "supplyguard.browser.failure-report-self-test";

    @Test
    void aRefusedLoginFailsWithWhatThePageShowedAndLeavesScreenshotTextAndConsole() throws IOException {
        deleteReportsOf(WrongPassword.class);

        List<Event> failures;
        System.setProperty(RUN_INNER, "true");
        try {
            failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongPassword.class)).execute()
                    .testEvents().failed().list();
        } finally {
            System.clearProperty(RUN_INNER);
        }

        assertThat(failures).hasSize(1);
        Throwable failure = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("login of 'nobody' to tasklist was refused")
                .hasMessageContaining("登录失败");
        List<Path> reports = reportsOf(WrongPassword.class);
        assertThat(reports).extracting(path -> path.getFileName().toString())
                .anyMatch(name -> name.endsWith("-FAILED.png"))
                .anyMatch(name -> name.endsWith("-FAILED.txt"))
                .anyMatch(name -> name.endsWith("-FAILED-console.log"));
        Path text = reports.stream().filter(path -> path.toString().endsWith("-FAILED.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(text)).contains("/camunda/app/tasklist/", "登录失败");
    }

    /** Run only from the test above, never on its own. */
    @BrowserTest
    @EnabledIfSystemProperty(named = RUN_INNER, matches = "true")
    static class WrongPassword {

        @Test
        void aLoginWithAWrongPassword(Browser browser) {
            // a user nobody else logs in as: a wrong password would hold a real user back (login throttling)
            TasklistPage.login(browser, "nobody", "not-the-password");
        }
    }

    private static List<Path> reportsOf(Class<?> testClass) throws IOException {
        try (Stream<Path> files = Files.list(BrowserExtension.screenshotDirectory())) {
            return files.filter(path -> path.getFileName().toString().startsWith(testClass.getSimpleName() + "-")).toList();
        }
    }

    private static void deleteReportsOf(Class<?> testClass) throws IOException {
        for (Path report : reportsOf(testClass)) {
            Files.delete(report);
        }
    }
}
