package io.supplyguard.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Page object of Camunda Tasklist 7.24: log in, pick a filter, open a task, claim it, fill its
 * Camunda Form (form-js) by field label, complete it; start a process through its start form.
 */
public final class TasklistPage {

    private static final By FILTER_NAMES = By.cssSelector(".task-filter h4.name a");
    private static final By CLAIM = By.cssSelector("button.claim");
    /** The assignee line of a task someone has claimed (it has no claim button). */
    private static final By ASSIGNED = By.cssSelector("li.assignee:not(.set-value)");
    private static final By COMPLETE = By.cssSelector(".form-actions button[ng-click='complete()']");
    private static final String CAMUNDA_FORM_CSS = "[cam-tasklist-form-camunda] form.fjs-form";
    private static final By CAMUNDA_FORM = By.cssSelector(CAMUNDA_FORM_CSS);
    private static final By START = By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");

    private final Browser browser;

    private TasklistPage(Browser browser) {
        this.browser = browser;
    }

    public static TasklistPage login(Browser browser, String user, String password) {
        CamundaLogin.login(browser, "tasklist", user, password);
        TasklistPage page = new TasklistPage(browser);
        browser.waitFor(FILTER_NAMES);
        return page;
    }

    /** Names of the filters in the left column, in display order (without their counters). */
    public List<String> filterNames() {
        browser.waitFor(FILTER_NAMES);
        return browser.driver().findElements(By.cssSelector(".task-filter h4.name")).stream()
                .map(h4 -> h4.findElement(By.tagName("a")))
                .map(a -> {
                    String all = a.getText().strip();
                    String counter = a.findElements(By.cssSelector(".counter")).stream().map(WebElement::getText).findFirst().orElse("");
                    return counter.isEmpty() ? all : all.substring(0, all.length() - counter.length()).strip();
                })
                .toList();
    }

    public TasklistPage openFilter(String name) {
        By filter = By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.), "
                + xpathLiteral(name) + ")]");
        browser.click(filter);
        browser.until(ExpectedConditions.attributeContains(
                By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[starts-with(normalize-space(.), "
                        + xpathLiteral(name) + ")]]"), "class", "active"));
        return this;
    }

    /** Names of the tasks listed for the current filter. */
    public List<String> taskNames() {
        return browser.driver().findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
                .map(a -> a.getText().strip()).toList();
    }

    /** Opens the first task of that name in the list of the current filter. */
    public TasklistPage openTask(String taskName) {
        return openTask(taskName, "");
    }

    /**
     * Opens the task of that name whose list entry shows {@code text} too, e.g. the customer number
     * (the seeded filters show 客户编号, 客户名称 and 台区 in the list).
     */
    public TasklistPage openTask(String taskName, String text) {
        String entry = "//ol[contains(@class,'tasks-list')]/li[.//h4[contains(@class,'task')]/a[normalize-space(.)="
                + xpathLiteral(taskName) + "]][contains(., " + xpathLiteral(text) + ")]";
        browser.click(By.xpath(entry + "//h4[contains(@class,'task')]/a"));
        // the list marks the task whose details it shows; another task's details may still be on screen until then
        browser.until(d -> String.valueOf(d.findElement(By.xpath(entry)).getDomAttribute("class")).contains("active"));
        browser.waitFor(By.xpath("//section[contains(@class,'task-details')]//h2[contains(@class,'task')][normalize-space(.)="
                + xpathLiteral(taskName) + "]"));
        return this;
    }

    /**
     * Opens the "发起流程" dialog, picks the process by its (Chinese) name and waits for its start
     * form; fill it with {@link #fill}/{@link #choose}/{@link #check}, then {@link #startProcess()}.
     */
    public TasklistPage openStartForm(String processName) {
        browser.click(By.cssSelector("li.start-process-action a"));
        browser.typeInto(browser.waitFor(By.cssSelector(".modal input[ng-model='page.searchValue']")), processName);
        browser.click(By.xpath("//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
                + xpathLiteral(processName) + "]"));
        browser.waitFor(By.cssSelector(".modal " + CAMUNDA_FORM_CSS));
        return this;
    }

    /** Clicks the start button of the open start form and waits until the dialog has closed. */
    public TasklistPage startProcess() {
        browser.click(START);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));
        return this;
    }

    /**
     * Claims the open task when nobody has it yet. Waits until the task's assignee line has been
     * rendered (either the claim button or the assignee), so a slow page is not taken for an
     * assigned task, and after claiming until the assignee is shown. (Tasklist keeps the rendered
     * form when a task is claimed: what is filled in afterwards stays.)
     */
    public TasklistPage claim() {
        browser.until(d -> !d.findElements(CLAIM).isEmpty() || !d.findElements(ASSIGNED).isEmpty());
        if (!browser.driver().findElements(CLAIM).isEmpty()) {
            browser.click(CLAIM);
            browser.waitFor(ASSIGNED);
            browser.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
        }
        form();
        return this;
    }

    /** The rendered Camunda Form of the open task. */
    public WebElement form() {
        return browser.waitFor(CAMUNDA_FORM);
    }

    /** Types into the text field, number field or text area whose label is {@code label}. */
    public TasklistPage fill(String label, String value) {
        WebElement input = browser.scrollIntoView(field(label).findElement(By.cssSelector("input, textarea")));
        browser.typeInto(input, value);
        return this;
    }

    /** Picks an option of a radio group, checklist or select by its label. */
    public TasklistPage choose(String label, String option) {
        WebElement field = field(label);
        List<WebElement> optionLabels = field.findElements(By.xpath(".//label[normalize-space(.)=" + xpathLiteral(option) + "]"));
        if (!optionLabels.isEmpty()) {
            WebElement optionLabel = browser.scrollIntoView(optionLabels.get(0));
            optionLabel.click();
            // form-js marks the label of a chosen radio or checklist option (its input sits inside)
            browser.until(d -> String.valueOf(optionLabel.getDomAttribute("class")).contains("fjs-checked"));
            return this;
        }
        // form-js select: a dropdown list of divs, not a native <select>
        browser.scrollIntoView(field.findElement(By.cssSelector(".fjs-input-group"))).click();
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + xpathLiteral(option) + "]"));
        WebElement shown = field.findElement(By.cssSelector(".fjs-input-group input, .fjs-input-group .fjs-select-display"));
        browser.until(d -> option.equals(shown.getDomProperty("value")) || option.equals(shown.getText().strip()));
        return this;
    }

    /** Ticks the checkbox whose label is {@code label} (no-op when already ticked). */
    public TasklistPage check(String label) {
        WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
        if (!box.isSelected()) {
            browser.scrollIntoView(box).click();
            browser.until(d -> box.isSelected());
        }
        return this;
    }

    /** The value shown in a text-like field (also read-only and disabled ones). */
    public String valueOf(String label) {
        return field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value");
    }

    /** Whether the form shows this text anywhere (labels, read-only values, validation messages). */
    public boolean formShows(String text) {
        return form().getText().contains(text);
    }

    /** Clicks Complete and waits until Tasklist has closed the task. */
    public TasklistPage complete() {
        browser.click(COMPLETE);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(COMPLETE));
        return this;
    }

    /**
     * Sets a form-js datetime field (subtype datetime) by the labels of its date and time parts:
     * the date is typed in the format the date picker shows as its placeholder (it follows the
     * browser's locale, e.g. {@code yyyy/MM/dd}), the time as {@code HH:mm}; both are committed as a
     * person would, with Enter and Tab.
     */
    public TasklistPage fillDateTime(String dateLabel, String timeLabel, java.time.LocalDateTime value) {
        WebElement date = datetimePart(dateLabel);
        String pattern = date.getAttribute("placeholder");
        String typed = pattern.toLowerCase(java.util.Locale.ROOT)
                .replace("yyyy", "%04d".formatted(value.getYear()))
                .replace("mm", "%02d".formatted(value.getMonthValue()))
                .replace("dd", "%02d".formatted(value.getDayOfMonth()));
        date.click();
        date.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), typed, org.openqa.selenium.Keys.ENTER);
        // the date picker shows the date in its own way (12/1/2026 for 12/01/2026): compare the numbers
        List<Integer> wanted = numbersIn(typed);
        browser.until(d -> wanted.equals(numbersIn(date.getDomProperty("value"))));
        WebElement time = datetimePart(timeLabel);
        time.click();
        String clock = "%02d:%02d".formatted(value.getHour(), value.getMinute());
        time.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), clock, org.openqa.selenium.Keys.TAB);
        browser.expectValue(time, clock);
        return this;
    }

    /** The text shown in the date or time part of a datetime field. */
    public String datetimeText(String partLabel) {
        return datetimePart(partLabel).getAttribute("value");
    }

    private WebElement datetimePart(String label) {
        return browser.scrollIntoView(browser.waitFor(By.xpath("//div[contains(@class,'fjs-datetime-subsection')][.//label[normalize-space(text()[1])="
                + xpathLiteral(label) + "]]//input")));
    }

    /**
     * Clicks Complete on a form the process refuses (a task listener rejects the input): waits for
     * Tasklist's error notification and returns its text; the task stays open.
     */
    public String completeRefused() {
        browser.click(COMPLETE);
        By error = By.cssSelector(".page-notifications .alert-danger");
        WebElement alert = browser.until(d -> d.findElements(error).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        String text = alert.getText();
        browser.screenshot("refused");
        // the notification covers the form's buttons: close it as a person would
        alert.findElements(By.cssSelector("button.close, .close")).stream().filter(WebElement::isDisplayed).findFirst()
                .ifPresent(WebElement::click);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(error));
        return text;
    }

    /** Whether the Complete button of the open task is there (the task is still open in the form). */
    public boolean taskOpen() {
        return browser.driver().findElements(COMPLETE).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The form-js field (wrapper div) whose label starts with {@code label} (labels of required fields end in "*"). */
    private WebElement field(String label) {
        return browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field')][.//label[contains(@class,'fjs-form-field-label')]"
                + "[normalize-space(text()[1])=" + xpathLiteral(label) + "]]"));
    }

    private static List<Integer> numbersIn(String text) {
        return java.util.regex.Pattern.compile("\\d+").matcher(text == null ? "" : text).results()
                .map(match -> Integer.valueOf(match.group())).toList();
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
