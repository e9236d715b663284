package io.supplyguard.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
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

    /** Opens {@code #/supplyguard/customers/{customerNo}}; waits for the timeline or a refusal. */
    public SupplyGuardCockpitPage openCustomerTimeline(String customerNo) {
        browser.open("/camunda/app/cockpit/default/#/supplyguard/customers/" + customerNo);
        browser.until(d -> !d.findElements(By.id("sg-timeline")).isEmpty() || !d.findElements(REFUSED).isEmpty());
        return this;
    }

    /** On Cockpit's dashboard, opens a customer's timeline through SupplyGuard's dashboard box. */
    public SupplyGuardCockpitPage openCustomerTimelineFromDashboard(String customerNo) {
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        browser.waitFor(By.id("sg-customer-no")).sendKeys(customerNo);
        browser.click(By.cssSelector("#sg-open-customer button[type='submit']"));
        browser.until(d -> d.getCurrentUrl().contains("#/supplyguard/customers/" + customerNo));
        browser.until(d -> !d.findElements(By.id("sg-timeline")).isEmpty() || !d.findElements(REFUSED).isEmpty());
        return this;
    }

    /**
     * What the browser would download behind a link of the page (by element id), fetched with the
     * browser's own session cookies.
     */
    public HttpResponse<byte[]> download(String linkId) throws IOException, InterruptedException {
        return fetch(browser.waitFor(By.id(linkId)).getDomProperty("href"));
    }

    /** GET of an absolute URL with the browser's session cookies. */
    public HttpResponse<byte[]> fetch(String href) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
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
