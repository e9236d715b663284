package io.supplyguard.infrastructure.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A4 pages written top to bottom in one font: lines, wrapped paragraphs, centred titles and empty
 * boxes to fill in by hand; a new page when one is full. Characters the font lacks print as '?'.
 */
public final class PdfPages {

    private final PDDocument document;
    private final PDFont font;
    private final float margin;
    private final float leading;
    private PDPageContentStream content;
    private float y;

    public PdfPages(PDDocument document, PDFont font, float margin, float leading) throws IOException {
        this.document = document;
        this.font = font;
        this.margin = margin;
        this.leading = leading;
        newPage();
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * margin;
    }

    public void line(String text, float size) throws IOException {
        lineAt(margin, text, size);
    }

    public void centred(String text, float size) throws IOException {
        String shown = printable(text);
        float w = font.getStringWidth(shown) / 1000 * size;
        lineAt(margin + Math.max(0, (width() - w) / 2), shown, size);
    }

    private void lineAt(float x, String text, float size) throws IOException {
        float advance = Math.max(leading, size * 1.5f);
        if (y - advance < margin) {
            newPage();
        }
        y -= advance;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text));
        content.endText();
    }

    /** Wraps at the right margin; continuation lines start with {@code indent}. */
    public void wrapped(String text, float size, String indent) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = printable(new String(Character.toChars(cp)));
            float w = font.getStringWidth(c) / 1000 * size;
            if (used + w > width() && current.length() > 0) {
                lines.add(current.toString());
                current = new StringBuilder(indent);
                used = font.getStringWidth(indent) / 1000 * size;
            }
            current.append(c);
            used += w;
            i += Character.charCount(cp);
        }
        lines.add(current.toString());
        for (String line : lines) {
            line(line, size);
        }
    }

    /** Vertical space of {@code points}. */
    public void gap(float points) throws IOException {
        if (y - points < margin) {
            newPage();
        } else {
            y -= points;
        }
    }

    /** An empty framed box of {@code height} points under a label, e.g. for a photo or a signature. */
    public void box(String label, float size, float height) throws IOException {
        line(label, size);
        if (y - height - 4 < margin) {
            newPage();
        }
        y -= height + 4;
        content.addRect(margin, y, width(), height);
        content.stroke();
    }

    /** Starts a new page (a document of several notices: one notice per page). */
    public void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - margin;
    }

    public void close() throws IOException {
        content.close();
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
}
