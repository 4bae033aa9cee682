package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.Column;
import cn.szcg.assessment.domain.CommendationPolicy;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.PeriodicReportContent;
import cn.szcg.assessment.domain.UnitReportRow;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Renders a periodic 通报 ({@link PeriodicReportContent}, R-23) as a printable PDF (A4 landscape,
 * OpenPDF, the CJK font Debian ships in {@code fonts-noto-cjk}, embedded as a subset) and as xlsx
 * (Apache POI; sheets 排名 — every column of the ranking —, 问责通报, 效能告诫, 表扬候选).
 *
 * <p>The font is configured by {@code szcg.assessment.report-font} ({@code path.ttc,index}; index 2
 * of NotoSansCJK-Regular.ttc is Noto Sans CJK SC). A missing font is logged at startup and a 通报 is
 * then refused with {@link FontMissingException} (nothing half-rendered is sealed).
 */
@ApplicationScoped
public class PeriodicReportDocuments {

  private static final Logger LOG = Logger.getLogger(PeriodicReportDocuments.class);
  public static final String PDF_TYPE = "application/pdf";
  public static final String XLSX_TYPE = ReportFiles.XLSX_TYPE;
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Period.ZONE);

  /** The ranking columns the PDF prints (the xlsx has them all). */
  static final Set<String> PDF_COLUMNS =
      Set.of(
          "rank",
          "unitName",
          "received",
          "toHandle",
          "handled",
          "handledOnTime",
          "overdueHandling",
          "expiredUnhandled",
          "pending",
          "reworked",
          "handlingRate",
          "onTimeHandlingRate",
          "reworkRate",
          "overdueRate",
          "extensionRate",
          "score",
          "grade");

  @ConfigProperty(
      name = "szcg.assessment.report-font",
      defaultValue = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2")
  String fontSpec;

  /** The configured font file is not there: no 通报 can be printed. */
  public static class FontMissingException extends RuntimeException {
    public FontMissingException(String message) {
      super(message);
    }
  }

  void onStart(@Observes StartupEvent ev) {
    if (!fontPresent()) {
      LOG.errorf(
          "通报字体缺失，定期通报无法生成 / the 通报 font %s is missing: install the Debian package"
              + " fonts-noto-cjk or set szcg.assessment.report-font; periodic reports are refused"
              + " until then",
          fontSpec);
    }
  }

  /** Whether the configured font file exists. */
  public boolean fontPresent() {
    return Files.isRegularFile(Path.of(fontFile()));
  }

  private String fontFile() {
    int comma = fontSpec.lastIndexOf(',');
    return comma > 0 && fontSpec.toLowerCase().contains(".ttc,")
        ? fontSpec.substring(0, comma)
        : fontSpec;
  }

  /** The PDF document. */
  public byte[] pdf(PeriodicReportContent c) {
    if (!fontPresent()) {
      throw new FontMissingException(
          "通报字体缺失 / the 通报 font is missing: "
              + fontSpec
              + " (install fonts-noto-cjk or set szcg.assessment.report-font)");
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      BaseFont base = BaseFont.createFont(fontSpec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      Font title = new Font(base, 16, Font.BOLD);
      Font h2 = new Font(base, 12, Font.BOLD);
      Font body = new Font(base, 9);
      Font small = new Font(base, 7);
      Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
      PdfWriter.getInstance(doc, out);
      doc.addTitle(c.titleEn());
      doc.addCreator("szcg assessment-service");
      doc.open();
      Paragraph t = new Paragraph(c.titleZh(), title);
      t.setAlignment(Element.ALIGN_CENTER);
      doc.add(t);
      Paragraph sub =
          new Paragraph(
              c.titleEn()
                  + "　考核周期 / period: "
                  + c.period().firstDay()
                  + " – "
                  + c.period().lastDay()
                  + "（北京时间 Asia/Shanghai）　生成 / generated: "
                  + LOCAL.format(c.generatedAt()),
              body);
      sub.setAlignment(Element.ALIGN_CENTER);
      sub.setSpacingAfter(8);
      doc.add(sub);

      doc.add(heading("一、全县排名及各单位指标 / county ranking and each unit's figures", h2));
      List<Column<UnitReportRow>> cols =
          c.ranking().columns().stream().filter(col -> PDF_COLUMNS.contains(col.key())).toList();
      PdfPTable ranking = table(cols.size());
      float[] widths = new float[cols.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = "unitName".equals(cols.get(i).key()) ? 4f : 1.2f;
      }
      ranking.setWidths(widths);
      for (Column<UnitReportRow> col : cols) {
        ranking.addCell(cell(col.zh(), small, true));
      }
      for (UnitReportRow r : c.ranking().rows()) {
        for (Column<UnitReportRow> col : cols) {
          ranking.addCell(cell(text(col.valueOf(r)), small, false));
        }
      }
      if (c.ranking().rows().isEmpty()) {
        doc.add(new Paragraph("本期无考核单位 / no unit assessed in the period", body));
      } else {
        doc.add(ranking);
      }
      doc.add(
          new Paragraph(
              "等级 / grades: A ≥ 90, B 75–89.99, C 60–74.99, D 40–59.99, E < 40；未参与考核（应处置 = 0）不排名"
                  + " / not graded when nothing was due.",
              small));

      doc.add(heading("二、问责通报及告诫（第三十三条）/ Art 33 notices and warnings", h2));
      if (c.notices().isEmpty()) {
        doc.add(new Paragraph("本期无 / none in the period", body));
      } else {
        PdfPTable n = table(7);
        n.setWidths(new float[] {1.6f, 2.5f, 1.5f, 2.2f, 0.6f, 1.8f, 5f});
        // a large table: written out every 500 rows (OpenPDF LargeElement) instead of laid out
        // whole at the end
        n.setComplete(false);
        for (String h : List.of("时间", "单位", "类别", "级别", "序次", "案件", "通报内容")) {
          n.addCell(cell(h, small, true));
        }
        int rows = 0;
        for (PeriodicReportContent.NoticeLine l : c.notices()) {
          if (++rows % 500 == 0) {
            doc.add(n);
          }
          n.addCell(cell(LOCAL.format(l.issuedAt()), small, false));
          n.addCell(cell(l.unitName(), small, false));
          n.addCell(cell(l.kind(), small, false));
          n.addCell(cell(l.type() + " / " + l.level(), small, false));
          n.addCell(cell(String.valueOf(l.ordinal()), small, false));
          n.addCell(cell(l.caseId(), small, false));
          n.addCell(cell(l.titleZh(), small, false));
        }
        n.setComplete(true);
        doc.add(n);
      }

      doc.add(heading("三、效能告诫 / efficiency warnings issued", h2));
      if (c.warnings().isEmpty()) {
        doc.add(new Paragraph("本期无 / none in the period", body));
      } else {
        PdfPTable w = table(6);
        w.setWidths(new float[] {1.6f, 2.5f, 1.2f, 1.8f, 5f, 2f});
        for (String h : List.of("时间", "单位", "被告诫人", "案件", "事由", "签收")) {
          w.addCell(cell(h, small, true));
        }
        for (PeriodicReportContent.WarningLine l : c.warnings()) {
          w.addCell(cell(LOCAL.format(l.issuedAt()), small, false));
          w.addCell(cell(l.unitName(), small, false));
          w.addCell(cell(l.personName(), small, false));
          w.addCell(cell(l.caseId(), small, false));
          w.addCell(cell(l.reasonZh(), small, false));
          w.addCell(
              cell(
                  l.acknowledgedAt() == null ? "未签收" : "已签收 " + LOCAL.format(l.acknowledgedAt()),
                  small,
                  false));
        }
        doc.add(w);
      }

      doc.add(heading("四、表扬候选（第三十四条）/ commendation candidates", h2));
      if (c.candidates().isEmpty()) {
        doc.add(new Paragraph("本期无 / none in the period", body));
      } else {
        PdfPTable k = table(6);
        k.setWidths(new float[] {0.8f, 4f, 1.5f, 1.5f, 1.5f, 1.5f});
        for (String h : List.of("名次", "单位", "综合指标值", "按期处置率(%)", "返工率(%)", "满意率(%)")) {
          k.addCell(cell(h, small, true));
        }
        for (CommendationPolicy.Candidate x : c.candidates()) {
          k.addCell(cell(String.valueOf(x.rank()), small, false));
          k.addCell(cell(x.name(), small, false));
          k.addCell(cell(text(x.score()), small, false));
          k.addCell(cell(text(x.onTimeHandlingPercent()), small, false));
          k.addCell(cell(text(x.reworkPercent()), small, false));
          k.addCell(cell(text(x.satisfactionPercent()), small, false));
        }
        doc.add(k);
      }
      Paragraph seal =
          new Paragraph(
              "本通报封存后不可更改，文件哈希与审计链锚点见系统记录 / sealed: immutable; its SHA-256 and the"
                  + " audit-chain anchor are recorded in the audit trail.",
              small);
      seal.setSpacingBefore(10);
      doc.add(seal);
      doc.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("通报 PDF: " + e.getMessage(), e);
    }
  }

  private static Paragraph heading(String text, Font f) {
    Paragraph p = new Paragraph(text, f);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    return p;
  }

  private static PdfPTable table(int columns) {
    PdfPTable t = new PdfPTable(columns);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    return t;
  }

  private static PdfPCell cell(String text, Font f, boolean head) {
    PdfPCell c = new PdfPCell(new Phrase(text == null ? "—" : text, f));
    c.setPadding(2);
    if (head) {
      c.setGrayFill(0.9f);
    }
    return c;
  }

  private static String text(Object o) {
    if (o == null) {
      return "—";
    }
    return o instanceof BigDecimal b ? b.toPlainString() : o.toString();
  }

  /** The xlsx document: sheets 排名, 问责通报, 效能告诫, 表扬候选. */
  public byte[] xlsx(PeriodicReportContent c) {
    // streaming workbook (rows flushed to a temporary file beyond 500): a month's thousands of
    // notices are written in a fraction of XSSF's time and memory
    SXSSFWorkbook wb = new SXSSFWorkbook(500);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      org.apache.poi.ss.usermodel.Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet ranking = wb.createSheet("排名");
      header(ranking, c.ranking().headings(Column.Lang.ZH), bold);
      int r = 1;
      for (List<Object> values : c.ranking().values()) {
        row(ranking.createRow(r++), values);
      }
      ranking.createFreezePane(0, 1);
      Sheet notices = wb.createSheet("问责通报");
      header(
          notices,
          List.of("通报编号", "时间", "单位编码", "单位名称", "类别", "类型", "级别", "序次", "案件", "责任人", "通报内容"),
          bold);
      r = 1;
      for (PeriodicReportContent.NoticeLine l : c.notices()) {
        row(
            notices.createRow(r++),
            List.of(
                l.actionId(),
                LOCAL.format(l.issuedAt()),
                l.unitId(),
                l.unitName(),
                l.kind(),
                l.type(),
                l.level(),
                (long) l.ordinal(),
                nz(l.caseId()),
                nz(l.personName()),
                l.titleZh()));
      }
      Sheet warnings = wb.createSheet("效能告诫");
      header(warnings, List.of("告诫编号", "时间", "单位编码", "单位名称", "案件", "被告诫人", "事由", "签收时间"), bold);
      r = 1;
      for (PeriodicReportContent.WarningLine l : c.warnings()) {
        row(
            warnings.createRow(r++),
            List.of(
                l.warningId(),
                LOCAL.format(l.issuedAt()),
                l.unitId(),
                l.unitName(),
                nz(l.caseId()),
                nz(l.personName()),
                l.reasonZh(),
                l.acknowledgedAt() == null ? "" : LOCAL.format(l.acknowledgedAt())));
      }
      Sheet cand = wb.createSheet("表扬候选");
      header(
          cand,
          List.of("名次", "单位编码", "单位名称", "综合指标值", "按期处置率(%)", "返工率(%)", "满意率(%)", "应处置"),
          bold);
      r = 1;
      for (CommendationPolicy.Candidate x : c.candidates()) {
        java.util.ArrayList<Object> v = new java.util.ArrayList<>();
        v.add((long) x.rank());
        v.add(x.subjectId());
        v.add(x.name());
        v.add(x.score());
        v.add(x.onTimeHandlingPercent());
        v.add(x.reworkPercent());
        v.add(x.satisfactionPercent());
        v.add(x.toHandle());
        row(cand.createRow(r++), v);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      wb.dispose();
      try {
        wb.close();
      } catch (IOException e) {
        LOG.debugf("closing the workbook: %s", e);
      }
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void header(Sheet sheet, List<String> headings, CellStyle bold) {
    Row head = sheet.createRow(0);
    for (int i = 0; i < headings.size(); i++) {
      Cell c = head.createCell(i);
      c.setCellValue(headings.get(i));
      c.setCellStyle(bold);
    }
  }

  private static void row(Row row, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        continue;
      }
      Cell c = row.createCell(i);
      if (v instanceof Number n) {
        c.setCellValue(n.doubleValue());
      } else if (v instanceof Instant at) {
        c.setCellValue(LOCAL.format(at));
      } else {
        c.setCellValue(v.toString());
      }
    }
  }
}
