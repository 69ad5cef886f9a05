package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void shouldQuoteAsRfc4180Says() throws Exception {
        assertThat(csv(List.of("a,b", "say \"hi\"", " padded", "plain"), Arrays.asList(1, null, 2.5, "x")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\" padded\",plain\r\n1,,2.5,x\r\n");
    }

    @Test
    void shouldDisarmTextASpreadsheetWouldRunAsAFormulaButKeepNegativeNumbers() throws Exception {
        assertThat(csv(List.of("=HYPERLINK(\"http://evil.example\")", "+1", "-2", "@SUM(A1)", "ok"),
                List.of(-3, -0.5, "-", "a=b", "\tx")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\",'+1,'-2,'@SUM(A1),ok\r\n"
                        + "-3,-0.5,'-,a=b,'\tx\r\n");
    }

    private static String csv(List<?>... rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter writer = new CsvWriter(bytes);
        for (List<?> row : rows) {
            writer.row(row);
        }
        writer.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
