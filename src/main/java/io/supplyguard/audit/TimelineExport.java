package io.supplyguard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A customer's timeline as a file for a complaint dossier: CSV (UTF-8 with BOM, so spreadsheet
 * programs read the Chinese) and PDF (PDFBox, Chinese text in a CJK font found on the machine:
 * {@code supplyguard.audit.pdf-font}, a .ttf/.ttc/.otf file; by default Debian's WenQuanYi Micro
 * Hei or Noto CJK — SupplyGuard ships no font).
 */
@Service
public class TimelineExport {

    /** No CJK font on this machine: a PDF export is impossible until one is installed or configured. */
    public static class NoFontException extends RuntimeException {
        NoFontException(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = 13;

    private final CustomerTimeline timeline;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<String> fontCandidates;

    TimelineExport(CustomerTimeline timeline, ObjectMapper json, Clock clock,
                   @Value("${supplyguard.audit.pdf-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,"
                           + "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,"
                           + "/usr/share/fonts/truetype/arphic/uming.ttc}") List<String> fontCandidates) {
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
        this.fontCandidates = fontCandidates;
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
            PDFont font = cjkFont(document);
            Pages pages = new Pages(document, font);
            pages.line("客户停电复电历程  客户编号 " + customerNo, 14);
            pages.line("导出时间 " + TIME.format(OffsetDateTime.now(clock)) + "（北京时间）  共 " + entries.size() + " 条", SIZE);
            pages.line("", SIZE);
            for (TimelineEntry e : entries) {
                pages.line(TIME.format(e.at()) + "  " + kind(e.kind()) + "  " + e.title()
                        + (e.actor() != null ? "  操作人 " + e.actor() : ""), SIZE + 1);
                pages.wrapped("    " + details(e.details()), SIZE);
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

    private PDFont cjkFont(PDDocument document) throws IOException {
        for (String candidate : fontCandidates) {
            File file = new File(candidate.trim());
            if (!file.isFile()) {
                continue;
            }
            if (file.getName().toLowerCase().endsWith(".ttc")) {
                // the collection stays open while the document embeds its subset; closed with the JVM's file handles
                TrueTypeCollection collection = new TrueTypeCollection(file);
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(f -> first.compareAndSet(null, f));
                if (first.get() != null) {
                    return PDType0Font.load(document, first.get(), true);
                }
            } else {
                return PDType0Font.load(document, file);
            }
        }
        throw new NoFontException("no CJK font for the PDF: install fonts-wqy-microhei or set supplyguard.audit.pdf-font"
                + " (tried " + fontCandidates + ")");
    }

    private static String kind(TimelineEntry.Kind kind) {
        return switch (kind) {
            case PROCESS_STARTED -> "流程发起";
            case TASK_COMPLETED -> "任务完成";
            case SWITCHING_DECISION -> "开关决定";
            case METER_COMMAND -> "电表命令";
            case SMS -> "短信";
            case DISPUTE_RECORDED -> "争议登记";
            case DISPUTE_RESOLVED -> "争议处理";
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

    /** Lines top to bottom, a new A4 page when one is full. */
    private static final class Pages {
        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void line(String text, float size) throws IOException {
            if (y < MARGIN + LEADING) {
                content.endText();
                content.close();
                newPage();
            }
            content.setFont(font, size);
            content.showText(printable(text));
            content.newLineAtOffset(0, -LEADING);
            y -= LEADING;
        }

        void wrapped(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                String c = printable(new String(Character.toChars(text.codePointAt(i))));
                float w = font.getStringWidth(c) / 1000 * size;
                if (used + w > width && current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder("    ");
                    used = font.getStringWidth("    ") / 1000 * size;
                }
                current.append(c);
                used += w;
                i += Character.charCount(text.codePointAt(i));
            }
            lines.add(current.toString());
            for (String line : lines) {
                line(line, size);
            }
        }

        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    out.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?'); // a character the font lacks
                }
            });
            return out.toString();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            content.beginText();
            y = PDRectangle.A4.getHeight() - MARGIN;
            content.newLineAtOffset(MARGIN, y);
        }

        void close() throws IOException {
            content.endText();
            content.close();
        }
    }
}
