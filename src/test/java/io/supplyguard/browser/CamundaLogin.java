package io.supplyguard.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The login form that Tasklist, Cockpit and Admin share. Every step waits for the state it acts on:
 * the webapps move the focus to the user-name field once more after they have started, and keys
 * typed into the password field before that end up in the user-name field.
 */
final class CamundaLogin {

    private static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
    private static final By SUBMIT = By.cssSelector("form[name='signinForm'] button[type='submit']");
    /** The header's user menu appears once the app has accepted the login. */
    private static final By SIGNED_IN = By.cssSelector("li.account");
    /** A refused login shows an error notification above the form. */
    private static final By REFUSED = By.cssSelector(".form-signin .alert-danger, .page-notifications .alert-danger");

    /**
     * Once an app has bootstrapped it focuses its {@code [autofocus]} element again after 300 ms
     * (camunda-commons-ui). A timer of ours armed after the form exists fires after that one, so
     * when it has fired the focus stays where we put it.
     */
    private static final String ARM_FOCUS_SETTLED = """
            window.__supplyguardFocusSettled = false;
            setTimeout(function () { window.__supplyguardFocusSettled = true; }, 400);""";
    private static final String FOCUS_SETTLED = "return window.__supplyguardFocusSettled === true";

    private CamundaLogin() {
    }

    static void login(Browser browser, String app, String user, String password) {
        browser.open("/camunda/app/" + app + "/");
        WebElement username = browser.waitFor(USERNAME);
        browser.script(ARM_FOCUS_SETTLED);
        browser.until(d -> Boolean.TRUE.equals(browser.script(FOCUS_SETTLED)));
        browser.until(d -> username.equals(d.switchTo().activeElement()));

        browser.typeInto(username, user);
        WebElement passwordField = browser.waitFor(PASSWORD);
        browser.typeInto(passwordField, password);
        browser.expectValue(username, user);
        browser.click(SUBMIT);

        browser.until(d -> isDisplayed(d.findElements(SIGNED_IN)) || isDisplayed(d.findElements(REFUSED)));
        if (!isDisplayed(browser.driver().findElements(SIGNED_IN))) {
            throw new AssertionError("login of '" + user + "' to " + app + " was refused; the page showed:\n"
                    + browser.pageReport());
        }
        // the login form has gone: the app shows its own view now
        browser.until(d -> d.findElements(USERNAME).stream().noneMatch(WebElement::isDisplayed));
    }

    private static boolean isDisplayed(List<WebElement> elements) {
        return elements.stream().anyMatch(WebElement::isDisplayed);
    }
}
