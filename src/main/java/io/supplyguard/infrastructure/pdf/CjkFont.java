package io.supplyguard.infrastructure.pdf;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK font of every Chinese PDF SupplyGuard writes (timeline export, notices): WenQuanYi Micro
 * Hei shipped in the jar ({@value #BUNDLED}, Apache-2.0, licence beside it); only if that resource
 * is missing, the first existing file of {@code supplyguard.audit.pdf-font} (a .ttf/.ttc/.otf on the
 * machine). The subset of glyphs a document uses is embedded, so its text stays extractable.
 */
@Component
public class CjkFont {

    public static final String BUNDLED = "fonts/wqy-microhei.ttc";

    /** Neither the bundled font nor a configured one: no Chinese PDF can be written. */
    public static class MissingFontException extends RuntimeException {
        MissingFontException(String message) {
            super(message);
        }
    }

    private final List<String> fallbacks;
    private final String bundled;
    private volatile byte[] bundledBytes;

    @org.springframework.beans.factory.annotation.Autowired
    public CjkFont(@Value("${supplyguard.audit.pdf-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,"
            + "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,"
            + "/usr/share/fonts/truetype/arphic/uming.ttc}") List<String> fallbacks) {
        this(BUNDLED, fallbacks);
    }

    CjkFont(String bundled, List<String> fallbacks) {
        this.bundled = bundled;
        this.fallbacks = fallbacks;
    }

    /** Loads the font into {@code document} (subset embedded when the document is saved). */
    public PDFont load(PDDocument document) {
        try {
            byte[] shipped = bundledBytes();
            if (shipped != null) {
                return firstOf(document, new TrueTypeCollection(new java.io.ByteArrayInputStream(shipped)));
            }
            for (String candidate : fallbacks) {
                File file = new File(candidate.trim());
                if (!file.isFile()) {
                    continue;
                }
                if (file.getName().toLowerCase().endsWith(".ttc")) {
                    return firstOf(document, new TrueTypeCollection(file));
                }
                return PDType0Font.load(document, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CJK font", e);
        }
        throw new MissingFontException("no CJK font for the PDF: the jar lacks " + bundled
                + " and none of supplyguard.audit.pdf-font exists (tried " + fallbacks + ")");
    }

    /** Whether the font comes from the jar (not from the machine). */
    public boolean bundled() {
        return bundledBytes() != null;
    }

    // the collection stays open while the document embeds its subset; it holds only memory or a file handle
    private static PDFont firstOf(PDDocument document, TrueTypeCollection collection) throws IOException {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(f -> first.compareAndSet(null, f));
        if (first.get() == null) {
            throw new IOException("font collection without fonts");
        }
        return PDType0Font.load(document, first.get(), true);
    }

    private byte[] bundledBytes() {
        byte[] bytes = bundledBytes;
        if (bytes == null) {
            try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(bundled)) {
                if (in == null) {
                    return null;
                }
                bytes = in.readAllBytes();
                bundledBytes = bytes;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + bundled, e);
            }
        }
        return bytes;
    }
}
