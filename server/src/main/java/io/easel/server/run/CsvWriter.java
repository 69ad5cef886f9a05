package io.easel.server.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as RFC 4180 writes it, in UTF-8: CRLF line ends, a cell quoted when it holds a comma, a quote, a line break or
 * leading or trailing spaces, quotes doubled inside. Missing values are empty cells; vectors, lists and maps are
 * their JSON text ({@link Cells#text}). A text cell that a spreadsheet would take for a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so opening a download never runs what a
 * data source put there (OWASP's CSV injection); numbers are written as they are.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = cells.get(i);
            String text = Cells.text(value);
            out.write(cell(value instanceof String && startsLikeAFormula(text) ? "'" + text : text));
        }
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    private static boolean startsLikeAFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    private static String cell(String text) {
        boolean quoted = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || !text.equals(text.strip());
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
