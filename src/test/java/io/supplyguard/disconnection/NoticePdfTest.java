package io.supplyguard.disconnection;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleUsers;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Printed notices (issue 18 item 2): the PDF SupplyGuard serves is the notice the process
 * recorded — the registry's customer and meter, the ledger's arrears and bills, the earliest
 * execution the posting gives — with the Chinese legal basis, and its text can be extracted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class NoticePdfTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @LocalServerPort int port;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired IdentityDirectory directory;

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body);
        }
    }

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    @Test
    void theNoticeOfADisconnectionIsItsCustomerArrearsBillsAndEarliestExecutionWithTheLegalBasis() throws IOException {
        TestCustomer c = fixture.customer();
        bill(c, "BILL-N-" + c.customerNo(), "40.00", "2026-11-20");
        String pi = atNoticePosting(c);
        LocalDate today = DisconnectionFixture.now().toLocalDate();

        Answer unposted = get(RoleUsers.MANAGER_T01, "/api/notices/" + pi + ".pdf");
        assertThat(unposted.status()).isEqualTo(200);
        assertThat(unposted.contentType()).startsWith(MediaType.APPLICATION_PDF_VALUE);
        String text = text(unposted.body());
        assertThat(text).contains("停电通知书", "客户编号：" + c.customerNo(), "表号：" + c.meterNo(),
                "用电地址：测试路" + Integer.parseInt(c.customerNo().substring(2)) + "号", "TQ-T01", "欠费金额：275.50 元",
                "账单号 BILL-N-" + c.customerNo(), "金额 40.00 元", "张贴日期：" + DAY.format(today),
                "最早执行日期：" + DAY.format(today.plusDays(7)), "95598", "缴费方式", "缴费地点",
                "《电力供应与使用条例》第三十九条", "经催交仍未交付电费的，供电企业可以按照国家规定的程序停止供电", "《供电营业规则》",
                "张贴证据");

        DisconnectionFixture.setClock(DisconnectionFixture.now().plusHours(3)); // posted in the afternoon
        String postedAt = DisconnectionFixture.now().toString();
        DisconnectionFixture.completeAsCandidate(identity, tasks, tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(),
                Map.of("noticePostedAt", postedAt, "noticePlace", "单元门口公告栏", "noticeEvidenceRef", "IMG-0815"));
        OffsetDateTime earliest = OffsetDateTime.parse((String) runtime.getVariable(pi, "earliestExecutionAt"));

        byte[] postedPdf = get(RoleUsers.AUDITOR, "/api/notices/" + pi + ".pdf").body();
        keep("notice-posted.pdf", postedPdf);
        String posted = text(postedPdf);
        assertThat(posted).contains("最早执行日期：" + DAY.format(earliest.toLocalDate()),
                DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(earliest), "单元门口公告栏", "IMG-0815",
                "staff-district-managers-TQ-T01");
    }

    @Test
    void aDistrictsNoticesOfTheDayAreOnePdfOfItsOwnCustomersOnly() throws IOException {
        TestCustomer first = fixture.customer();
        TestCustomer second = fixture.customer();
        TestCustomer elsewhere = fixture.customer(r -> inDistrict(r, "TQ-T03"));
        atNoticePosting(first);
        atNoticePosting(second);
        atNoticePosting(elsewhere);
        LocalDate today = DisconnectionFixture.now().toLocalDate();

        Answer batch = get(RoleUsers.MANAGER_T01, "/api/notices?district=TQ-T01&date=" + today);
        assertThat(batch.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(batch.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("客户编号：" + first.customerNo(), "客户编号：" + second.customerNo(),
                    "最早执行日期：" + DAY.format(today.plusDays(7)), "《电力供应与使用条例》第三十九条", "《供电营业规则》")
                    .doesNotContain(elsewhere.customerNo());
            assertThat(pdf.getNumberOfPages()).as("one page per notice").isGreaterThanOrEqualTo(2);
        }
        assertThat(text(get(RoleUsers.MANAGER_T01, "/api/notices?district=TQ-T01&date=" + today.minusDays(7)).body()))
                .as("not yet due a week ago").doesNotContain(first.customerNo());
        assertThat(get(RoleUsers.MANAGER_T03, "/api/notices?district=TQ-T01&date=" + today).status()).isEqualTo(403);
        assertThat(text(get(RoleUsers.MANAGER_T03, "/api/notices?district=TQ-T03&date=" + today).body()))
                .contains(elsewhere.customerNo());
    }

    @Test
    void anImportantCustomerGetsTheArrearsNoticeAndOneCopyForEachOfTheFourAuthorities() throws IOException {
        TestCustomer c = fixture.customer(DisconnectionFixture::important);
        String pi = atNoticePosting(c);
        byte[] important = get(RoleUsers.OPERATOR, "/api/notices/" + pi + ".pdf").body();
        keep("notice-important.pdf", important);
        try (PDDocument pdf = Loader.loadPDF(important)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(5);
            PDFTextStripper stripper = new PDFTextStripper();
            String[] expected = {"尊敬的客户", "致：电力管理部门", "致：县卫生健康局（客户上级主管单位）", "致：当地人民政府", "致：司法部门"};
            for (int page = 1; page <= 5; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(pdf)).as("page " + page).contains("欠费停限电通知书", expected[page - 1],
                        "客户编号：" + c.customerNo(), "通知时间 T", "《供电营业规则》");
            }
        }
    }

    @Test
    void unknownInstancesAreNotFoundOtherDistrictsForbiddenAndBadParametersNamed() {
        TestCustomer c = fixture.customer();
        String pi = atNoticePosting(c);
        assertThat(get(RoleUsers.MANAGER_T01, "/api/notices/no-such-instance.pdf").status()).isEqualTo(404);
        assertThat(get(RoleUsers.MANAGER_T03, "/api/notices/" + pi + ".pdf").status()).isEqualTo(403);
        assertThat(get(RoleUsers.BILLING, "/api/notices/" + pi + ".pdf").status()).isEqualTo(403);
        assertThat(get(null, "/api/notices/" + pi + ".pdf").status()).isEqualTo(401);
        assertThat(get(null, "/notices/batch/csrf-token").status()).as("no webapp session, no token").isEqualTo(401);
        assertThat(get(RoleUsers.MANAGER_T01, "/notices/batch/csrf-token").status()).as("HTTP Basic is no webapp session")
                .isEqualTo(401);
        Answer noDistrict = get(RoleUsers.MANAGER_T01, "/api/notices?date=2026-12-01");
        assertThat(noDistrict.status()).isEqualTo(400);
        assertThat(noDistrict.text()).contains("district");
        Answer badDate = get(RoleUsers.MANAGER_T01, "/api/notices?district=TQ-T01&date=2026-13-01");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text()).contains("date");
    }

    private String atNoticePosting(TestCustomer c) {
        String pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST")).getId();
        fixture.runDueJobs();
        fixture.fireNextTimer(pi);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_RecordNoticePosting").count()).isEqualTo(1);
        return pi;
    }

    private static io.supplyguard.customer.CustomerRegistration inDistrict(io.supplyguard.customer.CustomerRegistration r,
            String district) {
        return new io.supplyguard.customer.CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(),
                r.billingMode(), district, r.agreementSignedOn(), r.importanceGrade(), r.safetySensitive(), r.safetyReason(),
                r.supervisingBody(), r.contacts(), r.meter(), r.account());
    }

    private void bill(TestCustomer c, String billId, String amount, String dueDate) {
        int status = RestClient.create("http://localhost:" + port).post().uri("/api/bills")
                .header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(RoleUsers.BILLING)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("billId", billId, "customerNo", c.customerNo(), "amount", amount, "dueDate", dueDate))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(201);
    }

    private Answer get(String user, String path) {
        var request = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> { }).build().get().uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user));
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
    }

    /** For a person to look at: target/notices/. */
    private static void keep(String name, byte[] pdf) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "notices");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), pdf);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

}
