package io.supplyguard.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives the running application (random port, profiles {@code test} + {@code demo}:
 * in-memory database, job executor off, demo users whose password is their id) with Debian's
 * headless Chromium. Test methods take a {@link Browser} parameter; a screenshot of the last page
 * is saved per test in {@code target/browser-screenshots/}, also when the test fails.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (install them with
 * {@code .ci/browser.sh}) the tests are skipped with a message, except under CI (environment
 * variable {@code CI} set), where they fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
