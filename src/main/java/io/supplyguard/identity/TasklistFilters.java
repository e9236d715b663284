package io.supplyguard.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows nothing without filters. Seeds the shared filters once (by name) at start-up:
 * my tasks, my groups' tasks, overdue tasks; each sorted most urgent first.
 */
@Component
class TasklistFilters {

    static final String MINE = "我的待办";
    static final String MY_GROUPS = "我组的待办";
    static final String OVERDUE = "逾期待办";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        ensure(MINE, -10, "分配给我的任务", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure(MY_GROUPS, -5, "我所在组可以认领的任务",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure(OVERDUE, 0, "已超过到期时间的任务", tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query.orderByTaskPriority().desc().orderByDueDate().asc());
        filter.setProperties(Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "customerNo", "label", "客户编号"),
                        Map.of("name", "customerName", "label", "客户名称"),
                        Map.of("name", "district", "label", "台区"))));
        filters.saveFilter(filter);
    }
}
