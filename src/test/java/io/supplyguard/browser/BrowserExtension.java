package io.supplyguard.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts a fresh headless Chromium per test, hands it to the test as a {@link Browser} pointed at
 * the application's random port, and saves a screenshot after the test before closing the
 * browser; after a failure also the page's visible text and the browser console
 * ({@link Browser#saveFailureReport()}).
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static volatile boolean skipAnnounced;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = ChromiumInstallation.missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium found: " + ChromiumInstallation.browser());
        }
        if (ChromiumInstallation.underCi()) {
            // run, and fail in the test with the same message: CI must not silently skip browser tests
            return ConditionEvaluationResult.enabled("CI is set: browser tests must run (" + missing + ")");
        }
        String reason = "Browser test skipped: " + missing
                + ". Install with: sudo bash .ci/browser.sh (under CI these tests fail instead)";
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.err.println("WARNING " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        String missing = ChromiumInstallation.missing();
        if (missing != null) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver under CI: " + missing
                    + ". .ci/browser.sh installs them.");
        }
        var application = SpringExtension.getApplicationContext(extension);
        useThisContextsEngine(application);
        String port = application.getEnvironment().getRequiredProperty("local.server.port");
        Browser browser = Browser.open("http://localhost:" + port, screenshotName(extension));
        extension.getStore(NAMESPACE).put(Browser.class, browser);
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                browser.saveFailureReport();
            } else {
                browser.screenshot("end");
            }
        } finally {
            browser.close();
        }
    }

    /**
     * The webapps and the engine REST API find their engine by name ("default") in Camunda's static
     * {@link ProcessEngines} registry, which the Spring context started last has claimed: in a full
     * test run that is another test class's context with another database (no demo users, logins
     * fail). The browser test's own engine is registered again before each test.
     */
    public static void useThisContextsEngine(org.springframework.context.ApplicationContext application) {
        ProcessEngines.registerProcessEngine(application.getBean(ProcessEngine.class));
    }

    private static String screenshotName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    }

    static Path screenshotDirectory() throws IOException {
        return Files.createDirectories(SCREENSHOTS);
    }
}
