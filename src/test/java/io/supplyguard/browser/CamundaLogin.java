package io.supplyguard.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The login form that Tasklist, Cockpit and Admin share. */
final class CamundaLogin {

    private static final By USERNAME = By.cssSelector("form input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("form input[ng-model='password']");
    private static final By SUBMIT = By.cssSelector("form button[type='submit']");
    /** The header's user menu appears once the app has accepted the login. */
    private static final By SIGNED_IN = By.cssSelector("li.account");

    private CamundaLogin() {
    }

    static void login(Browser browser, String app, String user, String password) {
        browser.open("/camunda/app/" + app + "/");
        browser.waitFor(USERNAME).sendKeys(user);
        browser.waitFor(PASSWORD).sendKeys(password);
        browser.click(SUBMIT);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(USERNAME));
        browser.waitFor(SIGNED_IN);
    }
}
