package io.supplyguard.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Page object of Camunda Tasklist 7.24: log in, pick a filter, open a task, claim it, fill its
 * Camunda Form (form-js) by field label, complete it.
 */
public final class TasklistPage {

    private static final By FILTER_NAMES = By.cssSelector(".task-filter h4.name a");
    private static final By CLAIM = By.cssSelector("button.claim");
    private static final By COMPLETE = By.cssSelector(".form-actions button[ng-click='complete()']");
    private static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form");

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
        browser.click(By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space(.)="
                + xpathLiteral(taskName) + "]"));
        browser.waitFor(By.xpath("//section[contains(@class,'task-details')]//h2[contains(@class,'task')][normalize-space(.)="
                + xpathLiteral(taskName) + "]"));
        return this;
    }

    /** Claims the open task when nobody has it yet. */
    public TasklistPage claim() {
        if (!browser.driver().findElements(CLAIM).isEmpty()) {
            browser.click(CLAIM);
            browser.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
        }
        return this;
    }

    /** The rendered Camunda Form of the open task. */
    public WebElement form() {
        return browser.waitFor(CAMUNDA_FORM);
    }

    /** Types into the text field, number field or text area whose label is {@code label}. */
    public TasklistPage fill(String label, String value) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Picks an option of a radio group, checklist or select by its label. */
    public TasklistPage choose(String label, String option) {
        WebElement field = field(label);
        List<WebElement> optionLabels = field.findElements(By.xpath(".//label[normalize-space(.)=" + xpathLiteral(option) + "]"));
        if (!optionLabels.isEmpty()) {
            optionLabels.get(0).click();
            return this;
        }
        // form-js select: a dropdown list of divs, not a native <select>
        field.findElement(By.cssSelector(".fjs-input-group")).click();
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + xpathLiteral(option) + "]"));
        return this;
    }

    /** Ticks the checkbox whose label is {@code label} (no-op when already ticked). */
    public TasklistPage check(String label) {
        WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
        if (!box.isSelected()) {
            box.click();
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

    /** The form-js field (wrapper div) whose label starts with {@code label} (labels of required fields end in "*"). */
    private WebElement field(String label) {
        return browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field')][.//label[contains(@class,'fjs-form-field-label')]"
                + "[normalize-space(text()[1])=" + xpathLiteral(label) + "]]"));
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
