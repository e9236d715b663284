package io.supplyguard.disconnection;

import io.supplyguard.account.UnpaidBill;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.infrastructure.pdf.CjkFont;
import io.supplyguard.infrastructure.pdf.PdfPages;
import io.supplyguard.switching.DisconnectionProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;

/**
 * Prints notices as one PDF, one page per notice: the 停电通知书 a district manager posts, or for
 * an important customer the 欠费停限电通知书 and its four copies to the power administration
 * department, the customer's supervising body, the local government and the judicial department.
 * The legal basis quotes only public law: 《电力供应与使用条例》 art. 39 and the procedure of
 * 《供电营业规则》 for suspending supply.
 */
@Service
class NoticeDocuments {

    static final String REGULATION = "《电力供应与使用条例》第三十九条：违反本条例第二十七条规定，逾期未交付电费的，供电企业可以从逾期之日起，"
            + "每日按照电费总额的千分之一至千分之三加收违约金，具体比例由供用电双方在供用电合同中约定；自逾期之日起计算超过30日，"
            + "经催交仍未交付电费的，供电企业可以按照国家规定的程序停止供电。";
    static final String RULES = "《供电营业规则》：用户拖欠电费经通知催交仍不交付的，供电企业经批准可以中止供电；停电前应将停电通知书送达用户，"
            + "对重要用户的停电，还应将停电通知书报送同级电力管理部门。";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final float MARGIN = 56;
    private static final float LEADING = 16;
    private static final float TEXT = 11;

    private final CjkFont fonts;
    private final NoticeProperties notice;
    private final DisconnectionProperties disconnection;
    private final Clock clock;

    NoticeDocuments(CjkFont fonts, NoticeProperties notice, DisconnectionProperties disconnection, Clock clock) {
        this.fonts = fonts;
        this.notice = notice;
        this.disconnection = disconnection;
        this.clock = clock;
    }

    byte[] pdf(List<NoticeSheet> sheets, String emptyTitle) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PdfPages pages = new PdfPages(document, fonts.load(document), MARGIN, LEADING);
            boolean first = true;
            for (NoticeSheet sheet : sheets) {
                for (String addressee : addressees(sheet)) {
                    if (!first) {
                        pages.newPage();
                    }
                    first = false;
                    page(pages, sheet, addressee);
                }
            }
            if (sheets.isEmpty()) {
                pages.centred(notice.company(), 14);
                pages.centred(emptyTitle, 12);
                pages.line("无待张贴的停电通知书。", TEXT);
            }
            pages.close();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the notice PDF", e);
        }
    }

    /** Null: the customer's own notice; otherwise the copy's addressee. */
    private static List<String> addressees(NoticeSheet sheet) {
        if (!sheet.important()) {
            return java.util.Collections.singletonList(null);
        }
        String supervising = sheet.customer().supervisingBody() == null || sheet.customer().supervisingBody().isBlank()
                ? "客户上级主管单位" : sheet.customer().supervisingBody() + "（客户上级主管单位）";
        return java.util.Arrays.asList(null, "电力管理部门", supervising, "当地人民政府", "司法部门");
    }

    private void page(PdfPages pages, NoticeSheet sheet, String copyTo) throws IOException {
        CustomerView c = sheet.customer();
        pages.centred(notice.company(), 14);
        pages.centred(sheet.important() ? "欠费停限电通知书" : "停电通知书", 20);
        if (copyTo != null) {
            pages.centred("（副本）", 12);
            pages.line("致：" + copyTo, TEXT + 1);
            pages.wrapped("    现将我公司对下列重要客户欠费停限电的通知抄送贵单位，特此报备。", TEXT, "");
        } else {
            pages.line("尊敬的客户 " + c.name() + "：", TEXT + 1);
        }
        pages.gap(4);
        pages.line("客户编号：" + c.customerNo() + "        表号：" + (c.meter() != null ? c.meter().meterNo() : "—"), TEXT);
        pages.line("客户名称：" + c.name(), TEXT);
        pages.wrapped("用电地址：" + c.address(), TEXT, "          ");
        pages.line("台区：" + c.district() + (sheet.important() ? "        重要客户等级：" + grade(c) : ""), TEXT);
        pages.line("欠费金额：" + sheet.arrears().setScale(2, RoundingMode.HALF_UP).toPlainString() + " 元"
                + (sheet.overdueSince() != null ? "        逾期起始日：" + DAY.format(sheet.overdueSince()) : ""), TEXT);
        bills(pages, sheet.bills());
        pages.gap(4);
        pages.wrapped("    " + (copyTo != null ? "该客户" : "您") + "的电费经催交仍未结清。依据下列规定，我公司将按程序对"
                + (copyTo != null ? "该客户" : "您") + "中止供电。", TEXT, "");
        pages.line("张贴日期：" + DAY.format(sheet.postingDate())
                + (sheet.postedAt() != null ? "（已于 " + MINUTE.format(sheet.postedAt()) + " 张贴登记）" : ""), TEXT);
        pages.wrapped("最早执行日期：" + DAY.format(sheet.earliestExecution().toLocalDate()) + "（张贴后满 " + sheet.noticeLeadDays()
                + " 天，" + (sheet.postedAt() != null ? "即 " + MINUTE.format(sheet.earliestExecution()) + " 之后，" : "以登记的张贴时间起算，")
                + "且仅在规定的执行时段内执行；法定节假日及其前一日不停电）", TEXT, "    ");
        if (sheet.important()) {
            noticeTime(pages, sheet);
        }
        pages.wrapped("    请在最早执行日期前缴清欠费，缴清后停电程序即告终止；已停电的，缴清后立即恢复供电。", TEXT, "");
        pages.wrapped("缴费方式：" + notice.payment(), TEXT, "          ");
        pages.wrapped("缴费地点：" + notice.paymentPlace(), TEXT, "          ");
        pages.line("咨询、投诉电话：95598", TEXT);
        pages.gap(4);
        pages.line("法律依据：", TEXT);
        pages.wrapped("    " + REGULATION, TEXT - 1, "    ");
        pages.wrapped("    " + RULES, TEXT - 1, "    ");
        pages.gap(4);
        if (copyTo == null) {
            pages.line(sheet.postingDetail() != null ? "张贴登记：" + sheet.postingDetail() : "张贴地点：______________________________", TEXT);
            pages.line("张贴人：" + (sheet.postedBy() != null ? sheet.postedBy() : "____________") + "        见证人：____________", TEXT);
            pages.box("张贴证据（现场照片编号或客户签收）：", TEXT, 70);
        }
        pages.gap(10);
        pages.line(notice.company() + "（盖章）          " + DAY.format(LocalDate.now(clock)), TEXT);
        pages.line("流程实例：" + sheet.processInstanceId(), TEXT - 3);
    }

    private void noticeTime(PdfPages pages, NoticeSheet sheet) throws IOException {
        if (sheet.noticeTime() != null) {
            OffsetDateTime t = sheet.noticeTime();
            pages.wrapped("通知时间 T：" + MINUTE.format(t) + "（T−" + minutes(disconnection.importantWarningLead()) + "分钟 "
                    + MINUTE.format(t.minus(disconnection.importantWarningLead())) + " 停电预警；T 下达正式停电指令；T+"
                    + minutes(disconnection.importantExecutionDelay()) + "分钟 "
                    + MINUTE.format(t.plus(disconnection.importantExecutionDelay())) + " 执行停电）", TEXT, "    ");
        } else {
            pages.wrapped("通知时间 T：______________（不早于最早执行时间；T−" + minutes(disconnection.importantWarningLead())
                    + "分钟停电预警，T 下达正式停电指令，T+" + minutes(disconnection.importantExecutionDelay()) + "分钟执行停电）",
                    TEXT, "    ");
        }
    }

    private static void bills(PdfPages pages, List<UnpaidBill> bills) throws IOException {
        if (bills.isEmpty()) {
            return;
        }
        pages.line("所涉电费账单：", TEXT);
        for (UnpaidBill bill : bills) {
            pages.line("    账单号 " + bill.billId() + "    金额 " + bill.amount().setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " 元    应缴日期 " + DAY.format(bill.dueDate()), TEXT - 1);
        }
    }

    private static long minutes(java.time.Duration d) {
        return d.toMinutes();
    }

    private static String grade(CustomerView c) {
        return switch (c.importanceGrade()) {
            case SPECIAL -> "特级";
            case GRADE_1 -> "一级";
            case GRADE_2 -> "二级";
            case TEMPORARY -> "临时性";
            case NONE -> "非重要客户";
        };
    }
}
