package io.supplyguard.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Page object of SupplyGuard's Cockpit plugin routes ({@code #/supplyguard/...}). */
public final class SupplyGuardCockpitPage {

    private static final By INSTANCE = By.id("sg-instance");
    private static final By REFUSED = By.id("sg-refused");
    private static final By DIAGRAM_DRAWN = By.cssSelector("#sg-diagram[data-highlighted] .djs-container svg");

    private final Browser browser;

    private SupplyGuardCockpitPage(Browser browser) {
        this.browser = browser;
    }

    public static SupplyGuardCockpitPage login(Browser browser, String user, String password) {
        CamundaLogin.login(browser, "cockpit", user, password);
        return new SupplyGuardCockpitPage(browser);
    }

    /** Opens {@code #/supplyguard/process-instances/{id}}; waits until it shows the instance or a refusal. */
    public SupplyGuardCockpitPage openInstanceHistory(String processInstanceId) {
        browser.open("/camunda/app/cockpit/default/#/supplyguard/process-instances/" + processInstanceId);
        browser.until(d -> !d.findElements(INSTANCE).isEmpty() || !d.findElements(REFUSED).isEmpty());
        return this;
    }

    public boolean refused() {
        return !browser.driver().findElements(REFUSED).isEmpty();
    }

    public String refusal() {
        return browser.waitFor(REFUSED).getText();
    }

    /** Text of one section: instance, outcome, activities, user-tasks, decisions, meter-commands, sms, operation-log, called. */
    public String section(String name) {
        By section = By.id("sg-" + name);
        WebElement element = browser.until(d -> d.findElements(section).stream().findFirst().orElse(null));
        browser.scrollIntoView(element);
        browser.until(d -> element.isDisplayed());
        return element.getText();
    }

    /** Waits for the diagram with the path drawn on it; whether this element is marked as passed (or current). */
    public boolean diagramHighlights(String elementId) {
        browser.scrollIntoView(browser.driver().findElement(By.id("sg-diagram")));
        browser.waitFor(DIAGRAM_DRAWN);
        return !browser.driver().findElements(By.cssSelector("#sg-diagram [data-element-id='" + elementId + "'].sg-ran, "
                + "#sg-diagram [data-element-id='" + elementId + "'].sg-running")).isEmpty();
    }
}
