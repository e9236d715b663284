package io.supplyguard.browser;

import org.openqa.selenium.By;

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
        browser.open("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
        browser.waitFor(DIAGRAM);
        return this;
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
