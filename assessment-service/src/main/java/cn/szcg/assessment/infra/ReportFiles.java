package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.Column;
import cn.szcg.assessment.domain.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Renders a {@link ReportTable} as JSON-ready rows, CSV (UTF-8 with BOM so that Excel reads
 * Chinese, RFC 4180 quoting) or .xlsx — Chinese headings first row; undefined values as "—" (CSV)
 * or an empty cell (.xlsx).
 */
public final class ReportFiles {
  public static final String CSV_TYPE = "text/csv; charset=UTF-8";
  public static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String DASH = "—";

  private ReportFiles() {}

  /** Rows as maps keyed by column key (JSON). */
  public static <T> List<Map<String, Object>> rows(ReportTable<T> table) {
    return table.values().stream()
        .map(
            v -> {
              Map<String, Object> m = new LinkedHashMap<>();
              for (int i = 0; i < table.columns().size(); i++) {
                m.put(table.columns().get(i).key(), v.get(i));
              }
              return m;
            })
        .toList();
  }

  public static <T> byte[] csv(ReportTable<T> table) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    line(sb, table.headings(Column.Lang.ZH));
    for (List<Object> row : table.values()) {
      line(sb, row.stream().map(o -> o == null ? DASH : text(o)).toList());
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Object o) {
    return o instanceof BigDecimal b ? b.toPlainString() : o.toString();
  }

  private static void line(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    sb.append("\r\n");
  }

  public static <T> byte[] xlsx(ReportTable<T> table, String sheetName) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet(sheetName);
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      List<String> zh = table.headings(Column.Lang.ZH);
      for (int i = 0; i < zh.size(); i++) {
        Cell c = head.createCell(i);
        c.setCellValue(zh.get(i));
        c.setCellStyle(bold);
      }
      int r = 1;
      for (List<Object> values : table.values()) {
        Row row = sheet.createRow(r++);
        for (int i = 0; i < values.size(); i++) {
          Object v = values.get(i);
          if (v == null) {
            continue;
          }
          Cell c = row.createCell(i);
          if (v instanceof BigDecimal b) {
            c.setCellValue(b.doubleValue());
          } else if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
          } else {
            c.setCellValue(v.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
