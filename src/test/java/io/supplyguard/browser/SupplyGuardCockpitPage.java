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

    /** The plugin's pages in a browser already logged in to Cockpit. */
    public static SupplyGuardCockpitPage on(Browser browser) {
        return new SupplyGuardCockpitPage(browser);
    }

    /**
     * From any Cockpit page, follows the entry of Cockpit's header that leads to this plugin route
     * ({@code history} 流程历史, {@code kpis} 停复电指标); waits for the page's first answer.
     */
    public SupplyGuardCockpitPage openFromHeader(String route, String label) {
        By entry = By.xpath("//ul[@cam-if-logged-in]//a[@href='#/supplyguard/" + route + "']");
        browser.until(d -> d.findElements(entry).stream().anyMatch(e -> e.getText().trim().equals(label)));
        browser.click(entry);
        browser.until(d -> d.getCurrentUrl().contains("#/supplyguard/" + route));
        String result = route.equals("kpis") ? "sg-kpi-result" : "sg-history-result";
        browser.until(d -> answers(result) > 0);
        browser.until(d -> d.findElements(By.xpath("//ul[@cam-if-logged-in]/li[contains(@class,'active')]//a[@href='#/supplyguard/"
                + route + "']")).size() == 1);
        return this;
    }

    /** Waits until {@code #/supplyguard/process-instances/{id}} shows the instance or a refusal. */
    public SupplyGuardCockpitPage awaitInstanceHistory(String processInstanceId) {
        // Cockpit keeps its search parameters (e.g. the diagram's viewbox) after the route: "...{id}?viewbox=..."
        browser.until(d -> d.getCurrentUrl().matches(".*#/supplyguard/process-instances/" + processInstanceId + "(\\?.*)?"));
        browser.until(d -> !d.findElements(INSTANCE).isEmpty() || !d.findElements(REFUSED).isEmpty());
        return this;
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

    /** On Cockpit's dashboard, follows SupplyGuard's link to {@code #/supplyguard/history}; waits for its first answer. */
    public SupplyGuardCockpitPage openHistoryFromDashboard() {
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        browser.click(By.id("sg-link-history"));
        browser.until(d -> d.getCurrentUrl().contains("#/supplyguard/history"));
        browser.until(d -> historyAnswers() > 0);
        return this;
    }

    /** On Cockpit's dashboard, follows SupplyGuard's link to {@code #/supplyguard/kpis}, then shows the period. */
    public SupplyGuardCockpitPage openKpisFromDashboard(String from, String to) {
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        browser.click(By.id("sg-link-kpis"));
        browser.until(d -> d.getCurrentUrl().contains("#/supplyguard/kpis"));
        browser.until(d -> answers("sg-kpi-result") > 0);
        browser.typeInto(browser.waitFor(By.id("sg-kpi-from")), from);
        browser.typeInto(browser.waitFor(By.id("sg-kpi-to")), to);
        int before = answers("sg-kpi-result");
        browser.click(By.id("sg-kpi-show"));
        browser.until(d -> answers("sg-kpi-result") > before);
        return this;
    }

    /** The raw figure behind a KPI cell (p50, p95, overnight, failure-rate, protected); empty when none. */
    public String kpi(String name) {
        return browser.waitFor(By.id("sg-kpi-" + name)).getDomAttribute("data-value");
    }

    /** The text shown in a KPI cell. */
    public String kpiText(String name) {
        return browser.waitFor(By.id("sg-kpi-" + name)).getText();
    }

    /** The values drawn in one chart for one series, by day (empty string: nothing that day). */
    public java.util.Map<String, String> chartValues(String chartId, String series) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        browser.driver().findElements(By.cssSelector("#" + chartId + " .sg-mark[data-series='" + series + "']"))
                .forEach(m -> values.put(m.getDomAttribute("data-day"), m.getDomAttribute("data-value")));
        return values;
    }

    /** The history search with these criteria (field: customer, district, outcome, process, from, to), a page size; waits for the answer. */
    public SupplyGuardCockpitPage searchHistory(java.util.Map<String, String> criteria, int pageSize) {
        for (String field : java.util.List.of("customer", "district", "from", "to")) {
            browser.typeInto(browser.waitFor(By.id("sg-history-" + field)), criteria.getOrDefault(field, ""));
        }
        for (String field : java.util.List.of("outcome", "process")) {
            new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("sg-history-" + field)))
                    .selectByValue(criteria.getOrDefault(field, ""));
        }
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("sg-history-page-size"))).selectByValue(String.valueOf(pageSize));
        return awaitingHistory(() -> browser.click(By.id("sg-history-search")));
    }

    /** The next page of the history search; waits for it. */
    public SupplyGuardCockpitPage nextHistoryPage() {
        return awaitingHistory(() -> browser.click(By.id("sg-history-next")));
    }

    private SupplyGuardCockpitPage awaitingHistory(Runnable action) {
        int before = historyAnswers();
        action.run();
        browser.until(d -> historyAnswers() > before);
        return this;
    }

    private int historyAnswers() {
        return answers("sg-history-result");
    }

    /** How many answers a result area has shown (its data-seq). */
    private int answers(String resultId) {
        return browser.driver().findElements(By.id(resultId)).stream().findFirst()
                .map(e -> Integer.parseInt(e.getDomAttribute("data-seq"))).orElse(0);
    }

    /** "共 N 条 · 第 p / n 页" of the last answer. */
    public String historySummary() {
        return browser.waitFor(By.id("sg-history-summary")).getText();
    }

    /** The instance ids of the rows shown, in order. */
    public java.util.List<String> historyInstanceIds() {
        return browser.driver().findElements(By.cssSelector("#sg-history-results .sg-history-open")).stream()
                .map(e -> e.getDomAttribute("data-instance-id")).toList();
    }

    /** The text of the row of one instance. */
    public String historyRow(String processInstanceId) {
        return browser.waitFor(By.xpath("//tr[.//a[@data-instance-id='" + processInstanceId + "']]")).getText();
    }

    /** The texts of one column (1-based) of the rows shown. */
    public java.util.List<String> historyColumn(int column) {
        return browser.driver().findElements(By.cssSelector("#sg-history-results tbody tr td:nth-child(" + column + ")")).stream()
                .map(WebElement::getText).toList();
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
        // found, scrolled to and read in one retried step: Angular may re-render the section in between
        return browser.until(d -> d.findElements(section).stream().findFirst()
                .map(browser::scrollIntoView)
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .orElse(null));
    }

    /** Waits for the diagram with the path drawn on it; whether this element is marked as passed (or current). */
    public boolean diagramHighlights(String elementId) {
        browser.until(d -> browser.scrollIntoView(d.findElement(By.id("sg-diagram"))));
        browser.waitFor(DIAGRAM_DRAWN);
        return !browser.driver().findElements(By.cssSelector("#sg-diagram [data-element-id='" + elementId + "'].sg-ran, "
                + "#sg-diagram [data-element-id='" + elementId + "'].sg-running")).isEmpty();
    }
}
