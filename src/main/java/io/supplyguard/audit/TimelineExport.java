package io.supplyguard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplyguard.infrastructure.pdf.CjkFont;
import io.supplyguard.infrastructure.pdf.PdfPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;

/**
 * A customer's timeline as a file for a complaint dossier: CSV (UTF-8 with BOM, so spreadsheet
 * programs read the Chinese) and PDF (PDFBox, Chinese text in the CJK font of {@link CjkFont}).
 */
@Service
public class TimelineExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = 13;

    private final CustomerTimeline timeline;
    private final ObjectMapper json;
    private final Clock clock;
    private final CjkFont fonts;

    TimelineExport(CustomerTimeline timeline, ObjectMapper json, Clock clock, CjkFont fonts) {
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
        this.fonts = fonts;
    }

    public byte[] csv(String customerNo) {
        StringBuilder out = new StringBuilder("\uFEFF时间,类别,事项,操作人,流程实例,详情\r\n");
        for (TimelineEntry e : timeline.of(customerNo)) {
            out.append(String.join(",", cell(TIME.format(e.at())), cell(kind(e.kind())), cell(e.title()), cell(e.actor()),
                    cell(e.processInstanceId()), cell(details(e.details())))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(String customerNo) {
        List<TimelineEntry> entries = timeline.of(customerNo);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PdfPages pages = new PdfPages(document, fonts.load(document), MARGIN, LEADING);
            pages.line("客户停电复电历程  客户编号 " + customerNo, 14);
            pages.line("导出时间 " + TIME.format(OffsetDateTime.now(clock)) + "（北京时间）  共 " + entries.size() + " 条", SIZE);
            pages.line("", SIZE);
            for (TimelineEntry e : entries) {
                pages.line(TIME.format(e.at()) + "  " + kind(e.kind()) + "  " + e.title()
                        + (e.actor() != null ? "  操作人 " + e.actor() : ""), SIZE + 1);
                pages.wrapped("    " + details(e.details()), SIZE, "    ");
                if (e.processInstanceId() != null) {
                    pages.line("    流程实例 " + e.processInstanceId(), SIZE);
                }
            }
            pages.close();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the timeline PDF of " + customerNo, e);
        }
    }

    private static String kind(TimelineEntry.Kind kind) {
        return switch (kind) {
            case PROCESS_STARTED -> "流程发起";
            case TASK_COMPLETED -> "任务完成";
            case SWITCHING_DECISION -> "开关决定";
            case METER_COMMAND -> "电表命令";
            case SMS -> "短信";
            case PROCESS_ENDED -> "流程结束";
        };
    }

    private String details(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return String.valueOf(details);
        }
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                ? "'" + value : value; // no formulas from data in a spreadsheet
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
