package io.supplyguard.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Page object of Camunda Cockpit 7.24 (CE): log in, open a process definition, view an instance. */
public final class CockpitPage {

    private static final By DIAGRAM = By.cssSelector(".djs-container svg");

    private final Browser browser;

    private CockpitPage(Browser browser) {
        this.browser = browser;
    }

    public static CockpitPage login(Browser browser, String user, String password) {
        CamundaLogin.login(browser, "cockpit", user, password);
        return new CockpitPage(browser);
    }

    /** Opens the process list and clicks the definition with this (Chinese) name; waits for its diagram. */
    public CockpitPage openProcessDefinition(String name) {
        browser.open("/camunda/app/cockpit/default/#/processes");
        browser.click(By.xpath("//a[normalize-space(.)=" + TasklistPage.xpathLiteral(name) + "]"));
        browser.until(d -> d.getCurrentUrl().contains("#/process-definition/"));
        browser.waitFor(DIAGRAM);
        return this;
    }

    /** Opens the runtime view of a process instance by id; waits for its diagram. */
    public CockpitPage openProcessInstance(String processInstanceId) {
        // from another Cockpit view only the address's fragment changes: the old diagram stays on the
        // page until the new view replaces it, so wait for it to go before taking the new one
        List<WebElement> previousDiagrams = browser.driver().findElements(DIAGRAM);
        browser.open("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
        previousDiagrams.forEach(old -> browser.until(ExpectedConditions.stalenessOf(old)));
        browser.until(d -> d.getCurrentUrl().contains("/process-instance/" + processInstanceId));
        browser.waitFor(DIAGRAM);
        return this;
    }

    /**
     * On an open process instance: clicks the toolbar's cancel ("删除运行中的流程实例") action, confirms
     * it and reports whether Cockpit says it succeeded (false: Cockpit reported a failure, e.g. the
     * user lacks the authorization). The dialog is closed afterwards.
     */
    public boolean cancelProcessInstance() {
        browser.click(By.xpath("//div[contains(@class,'ctn-toolbar')]//a[span[contains(@class,'glyphicon-remove')]]"));
        By confirm = By.cssSelector(".modal-footer button[ng-click='cancelProcessInstance()']");
        By done = By.cssSelector(".modal-footer button.btn-primary[ng-click='close(status)']");
        // the dialog first loads the instance; without the rights to do so it goes straight to a result
        browser.until(d -> d.findElements(confirm).stream().anyMatch(b -> b.isDisplayed() && b.isEnabled())
                || d.findElements(done).stream().anyMatch(WebElement::isDisplayed));
        if (browser.driver().findElements(confirm).stream().anyMatch(WebElement::isDisplayed)) {
            browser.click(confirm);
        }
        WebElement close = browser.waitFor(done);
        boolean succeeded = browser.driver()
                .findElements(By.cssSelector(".modal-dialog [ng-show=\"status === 'cancellationSuccess'\"]"))
                .stream().anyMatch(WebElement::isDisplayed);
        browser.screenshot(succeeded ? "cancelled" : "cancel-refused");
        close.click();
        return succeeded;
    }

    /**
     * On an open process instance: follows SupplyGuard's 审计历史 tab (its link) to the plugin's
     * history of this instance, {@code #/supplyguard/process-instances/{id}}.
     */
    public SupplyGuardCockpitPage openAuditHistoryTab(String processInstanceId) {
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='审计历史']"));
        browser.click(By.id("sg-history-link"));
        return SupplyGuardCockpitPage.on(browser).awaitInstanceHistory(processInstanceId);
    }

    /** On an open process instance: the toolbar's 审计历史 button to the plugin's history of this instance. */
    public SupplyGuardCockpitPage openAuditHistoryFromToolbar(String processInstanceId) {
        browser.click(By.cssSelector(".ctn-toolbar #sg-history-action"));
        return SupplyGuardCockpitPage.on(browser).awaitInstanceHistory(processInstanceId);
    }

    /** Whether the rendered BPMN diagram has a shape or connection for this BPMN element id. */
    public boolean diagramShows(String elementId) {
        browser.waitFor(DIAGRAM);
        return !browser.driver().findElements(By.cssSelector(".djs-container [data-element-id='" + elementId + "']")).isEmpty();
    }

    /** Text of the diagram (element names). */
    public String diagramText() {
        return browser.waitFor(DIAGRAM).getText();
    }
}
