package io.supplyguard.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplyguard.audit.CustomerTimeline;
import io.supplyguard.audit.ProcessHistorySearch;
import io.supplyguard.audit.ProcessInstanceHistory;
import io.supplyguard.audit.TimelineExport;
import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.identity.Roles;
import io.supplyguard.infrastructure.web.ApiProblems;
import io.supplyguard.infrastructure.web.FieldError;
import io.supplyguard.reconnection.ReconnectionKpis;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's read API, inside Cockpit's own REST application: Cockpit's login session and its
 * authentication filter apply, and the filter runs each request with the logged-in user set on the
 * engine, so the engine's authorization checks decide what this returns. The work is done by
 * Spring beans (this class is created by Jersey, not Spring); answers are written with the
 * application's JSON mapper so times look as they do on {@code /api}.
 */
@Path("plugin/" + SupplyGuardCockpitPlugin.ID)
public class SupplyGuardPluginResource extends AbstractCockpitPluginRootResource {

    /** Scripts the front end loads besides {@code app/plugin.js}. */
    static final List<String> FRONT_END_ASSETS = List.of("app/bpmn-navigated-viewer.production.min.js");

    private static final String DEFAULT_ENGINE = "default";
    private static final int DEFAULT_PAGE_SIZE = 20;

    public SupplyGuardPluginResource() {
        super(SupplyGuardCockpitPlugin.ID);
    }

    @Override
    protected List<String> getAllowedAssets() {
        List<String> assets = new ArrayList<>(super.getAllowedAssets());
        assets.addAll(FRONT_END_ASSETS);
        return assets;
    }

    @GET
    @Path("{engineName}/process-instances/{processInstanceId}")
    public Response processInstance(@PathParam("engineName") String engineName,
                                    @PathParam("processInstanceId") String processInstanceId) {
        if (!DEFAULT_ENGINE.equals(engineName)) {
            return notFound("unknown process engine " + engineName);
        }
        return bean(ProcessInstanceHistory.class).of(processInstanceId)
                .map(this::json)
                .orElseGet(() -> notFound("process instance " + processInstanceId
                        + " does not exist or you may not read its history"));
    }

    /**
     * {@code #/supplyguard/history}: instances of SupplyGuard's processes, found by the engine's own
     * history query as the logged-in user. Dates are business days ({@code YYYY-MM-DD}); page from 1.
     */
    @GET
    @Path("{engineName}/history")
    public Response history(@PathParam("engineName") String engineName, @QueryParam("customerNo") String customerNo,
                            @QueryParam("process") String process, @QueryParam("outcome") String outcome,
                            @QueryParam("district") String district, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("page") String page,
                            @QueryParam("pageSize") String pageSize) {
        if (!DEFAULT_ENGINE.equals(engineName)) {
            return notFound("unknown process engine " + engineName);
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        int pageNo = number("page", page, 1, errors);
        int size = number("pageSize", pageSize, DEFAULT_PAGE_SIZE, errors);
        var criteria = new ProcessHistorySearch.Criteria(customerNo, process, outcome, district, fromDay, toDay, pageNo, size);
        errors.addAll(ProcessHistorySearch.problems(criteria));
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        try {
            return json(bean(ProcessHistorySearch.class).search(criteria));
        } catch (ProcessHistorySearch.InvalidCriteriaException e) {
            return invalid(e.errors());
        }
    }

    /** {@code #/supplyguard/kpis}: exactly {@code GET /api/kpis} (the same service), for the same roles. */
    @GET
    @Path("{engineName}/kpis")
    public Response kpis(@PathParam("engineName") String engineName, @QueryParam("from") String from,
                         @QueryParam("to") String to) {
        return customerHistory(engineName, "", () -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate fromDay = requiredDay("from", from, errors);
            LocalDate toDay = requiredDay("to", to, errors);
            if (errors.isEmpty()) {
                errors.addAll(ReconnectionKpis.periodProblems(fromDay, toDay));
            }
            return errors.isEmpty() ? json(bean(ReconnectionKpis.class).forDays(fromDay, toDay)) : invalid(errors);
        });
    }

    private static LocalDate requiredDay(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "NotNull", "a day YYYY-MM-DD"));
            return null;
        }
        return day(field, value, errors);
    }

    private static LocalDate day(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Date", "a day YYYY-MM-DD"));
            return null;
        }
    }

    private static int number(String field, String value, int otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "Integer", "a whole number"));
            return otherwise;
        }
    }

    private Response invalid(List<FieldError> errors) {
        return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
                .entity(write(ApiProblems.invalid(errors))).build();
    }

    /** The same facts as {@code GET /api/customers/{customerNo}/timeline}, for the same roles. */
    @GET
    @Path("{engineName}/customers/{customerNo}/timeline")
    public Response timeline(@PathParam("engineName") String engineName, @PathParam("customerNo") String customerNo) {
        return customerHistory(engineName, customerNo, () -> json(bean(CustomerTimeline.class).of(customerNo)));
    }

    @GET
    @Path("{engineName}/customers/{customerNo}/timeline.csv")
    public Response timelineCsv(@PathParam("engineName") String engineName, @PathParam("customerNo") String customerNo) {
        return customerHistory(engineName, customerNo, () -> file(bean(TimelineExport.class).csv(customerNo),
                "text/csv; charset=UTF-8", customerNo + "-timeline.csv"));
    }

    @GET
    @Path("{engineName}/customers/{customerNo}/timeline.pdf")
    public Response timelinePdf(@PathParam("engineName") String engineName, @PathParam("customerNo") String customerNo) {
        return customerHistory(engineName, customerNo, () -> {
            try {
                return file(bean(TimelineExport.class).pdf(customerNo), "application/pdf", customerNo + "-timeline.pdf");
            } catch (io.supplyguard.infrastructure.pdf.CjkFont.MissingFontException e) {
                return problem(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
            }
        });
    }

    private Response customerHistory(String engineName, String customerNo, java.util.function.Supplier<Response> answer) {
        if (!DEFAULT_ENGINE.equals(engineName)) {
            return notFound("unknown process engine " + engineName);
        }
        var user = bean(IdentityService.class).getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null
                || user.getGroupIds().stream().noneMatch(Roles.READERS_OF_CUSTOMER_HISTORY::contains)) {
            return problem(Response.Status.FORBIDDEN, "your role may not read customer timelines and KPIs");
        }
        try {
            return answer.get();
        } catch (CustomerNotFoundException e) {
            return notFound(e.getMessage());
        }
    }

    private Response file(byte[] content, String type, String name) {
        return Response.ok(content, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private Response notFound(String detail) {
        return problem(Response.Status.NOT_FOUND, detail);
    }

    private Response problem(Response.Status status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(write(Map.of("status", status.getStatusCode(), "title", status.getReasonPhrase(), "detail", detail)))
                .build();
    }

    private Response json(Object body) {
        return Response.ok(write(body), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    private String write(Object body) {
        try {
            return bean(ObjectMapper.class).writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private <T> T bean(Class<T> type) {
        WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        return context.getBean(type);
    }
}
