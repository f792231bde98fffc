package vn.govflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/** Parsing a Camunda Form and reading a submitted page back, on the portal's draft form and small forms. */
class TaskFormTest {
  private static final Path DRAFT = Path.of("forms", "portal", "portal-draft.form");

  private static TaskForm draft(Map<String, Object> variables) throws IOException {
    try (InputStream in = Files.newInputStream(DRAFT)) {
      return TaskForm.parse(in, variables);
    }
  }

  private static TaskForm form(String json) {
    return TaskForm.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Map.of());
  }

  /** The params of a draft with an answer, as the page submits them, plus the given cells. */
  private static Map<String, String[]> params(String... namesAndValues) {
    Map<String, String[]> params = new LinkedHashMap<>();
    params.put("answer", new String[] {"Được hỗ trợ theo quy định."});
    params.put("publication", new String[] {"public"});
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
    }
    return params;
  }

  private static String[] row(int index, String number, String summary, String issuedOn, String issuer) {
    String p = "citations[" + index + "].";
    return new String[] {p + "number", number, p + "summary", summary, p + "issuedOn", issuedOn, p + "issuer", issuer};
  }

  private static String[] concat(String[]... parts) {
    List<String> all = new ArrayList<>();
    for (String[] p : parts) {
      all.addAll(List.of(p));
    }
    return all.toArray(String[]::new);
  }

  @Test
  void nullInAHideConditionMeansNotFilledIn() {
    // The portal classify form: the handler is asked for only once a classification other than forwarding is chosen.
    String condition = "=classification = null or classification = \"outside-remit\"";
    assertThat(TaskForm.hidden(condition, Map.of())).isTrue();
    assertThat(TaskForm.hidden(condition, Map.of("classification", ""))).isTrue();
    assertThat(TaskForm.hidden(condition, Map.of("classification", "outside-remit"))).isTrue();
    assertThat(TaskForm.hidden(condition, Map.of("classification", "own-remit"))).isFalse();
    assertThat(TaskForm.hidden("=answer != null", Map.of("answer", "x"))).isTrue();
  }

  @Test
  void parsesTheCitationListWithItsCellsAndTheDateCell() throws IOException {
    TaskForm form = draft(Map.of());
    TaskForm.Field list = form.fields().stream().filter(f -> "citations".equals(f.key())).findFirst().orElseThrow();
    assertThat(list.list()).isTrue();
    assertThat(list.label()).isEqualTo("Văn bản quy phạm pháp luật được viện dẫn");
    assertThat(list.children()).extracting(TaskForm.Field::key).containsExactly("number", "summary", "issuedOn", "issuer");
    TaskForm.Field date = list.children().get(2);
    assertThat(date.type()).isEqualTo("datetime");
    assertThat(date.label()).isEqualTo("Ngày ban hành");
    assertThat(date.inputType()).isEqualTo("date");
    assertThat(date.required()).isTrue();
    assertThat(list.children().get(0).maxLength()).isEqualTo(100);
    assertThat(list.allowAddRemove()).isTrue();
    // No items yet: one empty row, as the form's default number of items says.
    assertThat(list.rows(Map.of())).hasSize(1).first().satisfies(r -> assertThat(r.values()).allMatch(String::isEmpty));
    assertThat(list.cellName(1, list.children().get(0))).isEqualTo("citations[1].number");
  }

  @Test
  void readsRowsInTheirOrderAsPlainListsOfMaps() throws IOException {
    Map<String, Object> vars = draft(Map.of()).read(params(concat(
        row(1, "15/2025/NQ-HĐND", "Chính sách hỗ trợ chuyển đổi số", "2025-07-10", "HĐND tỉnh Lào Cai"),
        row(0, " 13/2023/NĐ-CP ", "Bảo vệ dữ liệu cá nhân", "2023-04-17", "Chính phủ"))));
    assertThat(vars.get("citations")).isInstanceOf(ArrayList.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> citations = (List<Map<String, Object>>) vars.get("citations");
    assertThat(citations).hasSize(2);
    assertThat(citations.get(0)).isInstanceOf(LinkedHashMap.class);
    assertThat(citations.get(0)).containsExactly(Map.entry("number", "13/2023/NĐ-CP"),
        Map.entry("summary", "Bảo vệ dữ liệu cá nhân"), Map.entry("issuedOn", "2023-04-17"),
        Map.entry("issuer", "Chính phủ"));
    assertThat(citations.get(1).get("number")).isEqualTo("15/2025/NQ-HĐND");
    assertThat(vars).containsEntry("answer", "Được hỗ trợ theo quy định.").containsEntry("publication", "public");
  }

  @Test
  void acceptsGapsInRowIndexesAndReadsTenBeforeTwo() throws IOException {
    Map<String, Object> vars = draft(Map.of()).read(params(concat(
        row(10, "B", "b", "2024-01-02", "Y"), row(2, "A", "a", "2024-01-01", "X"))));
    List<String> numbers = ((List<?>) vars.get("citations")).stream().map(r -> (String) ((Map<?, ?>) r).get("number")).toList();
    assertThat(numbers).containsExactly("A", "B");
  }

  @Test
  void dropsEmptyRowsSoAnEmptyRowMeansNoCitation() throws IOException {
    Map<String, Object> vars = draft(Map.of()).read(params(concat(row(0, "", " ", "", ""),
        new String[] {"noCitationReason", "Trả lời theo hướng dẫn chung."})));
    assertThat(vars.get("citations")).isEqualTo(List.of());
    assertThat(vars).containsEntry("noCitationReason", "Trả lời theo hướng dẫn chung.");

    Map<String, Object> withOne = draft(Map.of()).read(params(concat(row(0, "", "", "", ""),
        row(1, "13/2023/NĐ-CP", "Bảo vệ dữ liệu cá nhân", "2023-04-17", "Chính phủ"), row(2, "", "", "", ""))));
    assertThat((List<?>) withOne.get("citations")).hasSize(1);
  }

  @Test
  void refusesAPartlyFilledRowNamingTheRowAndTheCell() throws IOException {
    TaskForm form = draft(Map.of());
    assertThatThrownBy(() -> form.read(params(concat(
        row(0, "13/2023/NĐ-CP", "Bảo vệ dữ liệu cá nhân", "2023-04-17", "Chính phủ"),
        row(1, "", "Chính sách hỗ trợ", "2025-07-10", "HĐND tỉnh")))))
        .isInstanceOfSatisfying(UserError.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.messageVi()).contains("Văn bản quy phạm pháp luật được viện dẫn, dòng 2: cần nhập Số, ký hiệu.");
          // The English message names the list and the cell by their English labels (i18n/forms_en.properties).
          assertThat(e.messageEn()).contains("Legal documents cited, row 2: Required: Number and symbol.");
          assertThat(e.fieldProblems()).singleElement()
              .satisfies(p -> assertThat(p.field()).isEqualTo("citations[1].number"));
        });
  }

  @Test
  void refusesADateThatIsNotADate() throws IOException {
    TaskForm form = draft(Map.of());
    assertThatThrownBy(() -> form.read(params(row(0, "13/2023/NĐ-CP", "Bảo vệ dữ liệu", "17/04/2023", "Chính phủ"))))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageVi())
            .contains("dòng 1: Ngày ban hành: ngày, giờ không hợp lệ."));
    assertThatThrownBy(() -> form.read(params(row(0, "13/2023/NĐ-CP", "Bảo vệ dữ liệu", "2023-02-30", "Chính phủ"))))
        .isInstanceOf(UserError.class);
  }

  @Test
  void checksTheLengthOfEachCell() throws IOException {
    TaskForm form = draft(Map.of());
    String tooLong = "x".repeat(101);
    assertThatThrownBy(() -> form.read(params(row(0, tooLong, "Bảo vệ dữ liệu", "2023-04-17", "Chính phủ"))))
        .isInstanceOfSatisfying(UserError.class, e -> {
          assertThat(e.messageVi()).contains("dòng 1: Số, ký hiệu: tối đa 100 ký tự.");
          assertThat(e.fieldProblems().get(0).field()).isEqualTo("citations[0].number");
        });
    Map<String, Object> ok = form.read(params(row(0, "x".repeat(100), "Bảo vệ dữ liệu", "2023-04-17", "Chính phủ")));
    assertThat((List<?>) ok.get("citations")).hasSize(1);
  }

  @Test
  void reportsEveryBadCellNotOnlyTheFirst() throws IOException {
    TaskForm form = draft(Map.of());
    assertThatThrownBy(() -> form.read(params(concat(row(0, "A", "", "2023-04-17", "X"), row(1, "B", "b", "", "Y")))))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.fieldProblems())
            .extracting(UserError.FieldProblem::field).containsExactly("citations[0].summary", "citations[1].issuedOn"));
  }

  @Test
  void prefillsRowsFromTheProcessVariableAndKeepsWhatWasJustTyped() throws IOException {
    // As the engine gives back a JSON-stored list: ArrayList of LinkedHashMap.
    Map<String, Object> citation = new LinkedHashMap<>();
    citation.put("number", "13/2023/NĐ-CP");
    citation.put("summary", "Bảo vệ dữ liệu cá nhân");
    citation.put("issuedOn", "2023-04-17");
    citation.put("issuer", "Chính phủ");
    Map<String, Object> second = new LinkedHashMap<>(citation);
    second.put("number", "15/2025/NQ-HĐND");
    second.remove("issuer");
    TaskForm form = draft(Map.of("citations", new ArrayList<>(List.of(citation, second))));
    TaskForm.Field list = form.fields().stream().filter(TaskForm.Field::list).findFirst().orElseThrow();

    List<Map<String, String>> rows = list.rows(Map.of());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("number", "13/2023/NĐ-CP").containsEntry("issuedOn", "2023-04-17");
    assertThat(rows.get(1)).containsEntry("number", "15/2025/NQ-HĐND").containsEntry("issuer", "");

    // The form came back with a problem: what the person typed wins over the stored items, even none.
    Map<String, String[]> typed = params(row(0, "<b>1</b>", "", "", ""));
    assertThat(list.rows(typed)).singleElement().satisfies(r -> assertThat(r).containsEntry("number", "<b>1</b>"));
    assertThat(list.rows(params())).hasSize(1).first().satisfies(r -> assertThat(r.get("number")).isEmpty());
  }

  @Test
  void aHiddenListIsNotReadAndAListWithoutRowsIsEmpty() {
    TaskForm form = form("""
        {"id": "f", "components": [
          {"key": "kind", "type": "select", "label": "Kind", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
          {"type": "dynamiclist", "path": "items", "label": "Mặt hàng", "defaultRepetitions": 2,
           "conditional": {"hide": "=kind != \\"b\\""},
           "components": [
             {"key": "name", "type": "textfield", "label": "Tên", "validate": {"required": true}},
             {"key": "qty", "type": "number", "label": "Số lượng", "validate": {"min": 1, "max": 9}}]}
        ]}""");
    Map<String, Object> hidden = form.read(Map.of("kind", new String[] {"a"}, "items[0].name", new String[] {"x"}));
    assertThat(hidden).containsOnlyKeys("kind");

    Map<String, Object> shown = form.read(Map.of("kind", new String[] {"b"}));
    assertThat(shown.get("items")).isEqualTo(List.of());

    Map<String, Object> typed = form.read(Map.of("kind", new String[] {"b"}, "items[0].name", new String[] {"Bút"},
        "items[0].qty", new String[] {"3"}, "items[1].name", new String[] {"Giấy"}));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) typed.get("items");
    assertThat(items.get(0)).containsEntry("name", "Bút").containsEntry("qty", 3);
    assertThat(items.get(1)).containsEntry("name", "Giấy").containsEntry("qty", null);

    assertThatThrownBy(() -> form.read(Map.of("kind", new String[] {"b"}, "items[0].name", new String[] {"Bút"},
        "items[0].qty", new String[] {"12"})))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageVi()).contains("Mặt hàng, dòng 1: Số lượng: ngoài khoảng cho phép."));
    TaskForm.Field list = form.fields().get(1);
    assertThat(list.rows(Map.of())).hasSize(2);
    assertThat(list.allowAddRemove()).as("form-js adds and removes rows only when the form allows it").isFalse();
  }

  @Test
  void ignoresCellNamesThatAreNotTheListsCells() {
    TaskForm form = form("""
        {"id": "f", "components": [
          {"type": "dynamiclist", "path": "items", "label": "L",
           "components": [{"key": "name", "type": "textfield", "label": "Tên"}]}
        ]}""");
    Map<String, Object> vars = form.read(Map.of("items[0].other", new String[] {"x"}, "items[x].name", new String[] {"y"},
        "items[99999].name", new String[] {"z"}, "itemsX[0].name", new String[] {"w"}, "items[1].name", new String[] {"ok"}));
    assertThat(vars.get("items")).isEqualTo(List.of(Map.of("name", "ok")));
  }

  @Test
  void aTopLevelDateIsReadAsIsoTextAndANestedPathIsNotRendered() {
    TaskForm form = form("""
        {"id": "f", "components": [
          {"key": "meetingOn", "type": "datetime", "subtype": "date", "dateLabel": "Ngày họp", "validate": {"required": true}},
          {"type": "dynamiclist", "path": "a.b", "label": "Nested", "components": [{"key": "x", "type": "textfield"}]}
        ]}""");
    assertThat(form.fields()).extracting(TaskForm.Field::key).containsExactly("meetingOn");
    assertThat(form.read(Map.of("meetingOn", new String[] {"2026-03-02"}))).containsEntry("meetingOn", "2026-03-02");
    assertThatThrownBy(() -> form.read(Map.of("meetingOn", new String[] {"02/03/2026"})))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageVi()).contains("Ngày họp: ngày, giờ không hợp lệ."));
    assertThatThrownBy(() -> form.read(Map.of()))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageVi()).contains("Cần nhập: Ngày họp."));
  }

  @Test
  void aDateInATextIsShownInTheAgencysTimeZoneAndValuesAreEscaped() {
    TaskForm form = TaskForm.parse(new ByteArrayInputStream("""
        {"id": "f", "components": [{"type": "text", "text": "**Hạn:** {{dueAt}} - {{title}}"}]}"""
        .getBytes(StandardCharsets.UTF_8)), Map.of("dueAt", java.util.Date.from(java.time.Instant.parse("2026-11-30T10:00:00Z")),
        "title", "<script>alert(1)</script>"), java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(form.fields().get(0).html())
        .isEqualTo("<strong>Hạn:</strong> 30/11/2026 17:00 - &lt;script&gt;alert(1)&lt;/script&gt;");
  }

  // --- English (i18n/forms_en.properties) ---

  private static TaskForm file(String path, Map<String, Object> variables, java.util.Locale locale) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms").resolve(path))) {
      return TaskForm.parse(in, variables, java.time.ZoneId.of("Asia/Ho_Chi_Minh"), locale);
    }
  }

  private static TaskForm.Field field(TaskForm form, String key) {
    return form.fields().stream().filter(f -> key.equals(f.key())).findFirst().orElseThrow();
  }

  @Test
  void inEnglishTheLabelsOptionsAndTextAreEnglishAndOptionsFromDataStayAsTheyAre() throws IOException {
    Map<String, Object> vars = Map.of("trackingCode", "HD-2026-000123", "fieldName", "Khoa học", "questionText",
        "Doanh nghiệp có được hỗ trợ không?",
        "peopleOptions", List.of(Map.of("label", "Đỗ Đức Anh – Phòng QLKH", "value", "anhdd.skhcn")));
    TaskForm form = file("portal/portal-classify.form", vars, java.util.Locale.ENGLISH);

    TaskForm.Field classification = field(form, "classification");
    assertThat(classification.label()).isEqualTo("Classification");
    assertThat(classification.options()).extracting(TaskForm.Option::label).containsExactly(
        "Within the agency's remit (5 working days)", "Needs coordination across sectors (8 working days)",
        "Special case, with an appointment notice (at most 10 working days)",
        "Outside the agency's remit: forward to another agency");
    assertThat(classification.options()).extracting(TaskForm.Option::value)
        .containsExactly("own-remit", "multi-sector", "special", "outside-remit");
    TaskForm.Field handler = field(form, "handler");
    assertThat(handler.label()).isEqualTo("Drafter of the answer");
    assertThat(handler.options()).containsExactly(new TaskForm.Option("Đỗ Đức Anh – Phòng QLKH", "anhdd.skhcn"));
    assertThat(handler.hideCondition()).isEqualTo("classification = null or classification = \"outside-remit\"");
    // (HtmlUtils escapes the Latin-1 letters and the middle dot as entities; the browser shows them as such.)
    assertThat(form.fields().get(0).html()).isEqualTo("<strong>Question HD-2026-000123</strong> &middot;"
        + " <strong>Field:</strong> Khoa học &middot; <strong>Due date given to the asker:</strong> <br><br>"
        + "Doanh nghiệp c&oacute; được hỗ trợ kh&ocirc;ng?");

    // The same form for a Vietnamese reader: the form's own text.
    TaskForm vi = file("portal/portal-classify.form", vars, java.util.Locale.forLanguageTag("vi"));
    assertThat(field(vi, "classification").label()).isEqualTo("Phân loại");
    assertThat(field(vi, "classification").options().get(0).label()).isEqualTo("Thuộc thẩm quyền (5 ngày làm việc)");
    assertThat(vi.fields().get(0).html()).startsWith("<strong>C&acirc;u hỏi HD-2026-000123</strong>");
  }

  @Test
  void inEnglishAListAndItsCellsAreEnglishAndTheMessagesNameThem() throws IOException {
    TaskForm form = file("portal/portal-draft.form", Map.of(), java.util.Locale.ENGLISH);
    TaskForm.Field list = field(form, "citations");
    assertThat(list.label()).isEqualTo("Legal documents cited");
    assertThat(list.children()).extracting(TaskForm.Field::label)
        .containsExactly("Number and symbol", "Summary", "Date of issue", "Issuing agency");
    assertThat(field(form, "publication").options()).extracting(TaskForm.Option::label)
        .containsExactly("Publish on the portal", "Send directly to the asker", "Publish on the portal and send to the asker");

    // Each message in its own language, whichever language the page is in.
    for (java.util.Locale viewer : List.of(java.util.Locale.ENGLISH, java.util.Locale.forLanguageTag("vi"))) {
      TaskForm f = file("portal/portal-draft.form", Map.of(), viewer);
      assertThatThrownBy(() -> f.read(params(concat(
          row(0, "13/2023/NĐ-CP", "Bảo vệ dữ liệu cá nhân", "2023-04-17", "Chính phủ"),
          row(1, "", "Chính sách hỗ trợ", "17/04/2023", "HĐND tỉnh")))))
          .isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.fieldProblems()).extracting(UserError.FieldProblem::messageEn).containsExactly(
                "Legal documents cited, row 2: Required: Number and symbol.",
                "Legal documents cited, row 2: Date of issue: not a valid date or time.");
            assertThat(e.fieldProblems()).extracting(UserError.FieldProblem::messageVi).containsExactly(
                "Văn bản quy phạm pháp luật được viện dẫn, dòng 2: cần nhập Số, ký hiệu.",
                "Văn bản quy phạm pháp luật được viện dẫn, dòng 2: Ngày ban hành: ngày, giờ không hợp lệ.");
            assertThat(e.messageEn()).isEqualTo("The form is not valid: Legal documents cited, row 2: Required: Number and symbol.");
          });
    }
    TaskForm f = file("portal/portal-draft.form", Map.of(), java.util.Locale.ENGLISH);
    assertThatThrownBy(() -> f.read(Map.of()))
        .isInstanceOfSatisfying(UserError.class, e -> {
          assertThat(e.fieldProblems().get(0).messageEn()).isEqualTo("Required: Answer (brief and to the point).");
          assertThat(e.fieldProblems().get(0).messageVi()).isEqualTo("Cần nhập: Câu trả lời (ngắn gọn, đúng trọng tâm).");
        });
  }

  @Test
  void anUnknownFormOrANewFieldFallsBackToTheFormsOwnText() {
    // A form a designer deployed from the browser: no English for it, so its own text, in English messages too.
    TaskForm unknown = TaskForm.parse(new ByteArrayInputStream("""
        {"id": "designer-new", "components": [
          {"type": "text", "text": "**Hồ sơ:** {{title}}"},
          {"key": "decision", "type": "select", "label": "Quyết định", "validate": {"required": true},
           "values": [{"label": "Đồng ý", "value": "yes"}]}
        ]}""".getBytes(StandardCharsets.UTF_8)), Map.of("title", "Đề án"), java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
        java.util.Locale.ENGLISH);
    assertThat(unknown.fields().get(0).html()).isEqualTo("<strong>Hồ sơ:</strong> Đề &aacute;n");
    assertThat(unknown.fields().get(1).label()).isEqualTo("Quyết định");
    assertThat(unknown.fields().get(1).options()).containsExactly(new TaskForm.Option("Đồng ý", "yes"));
    assertThatThrownBy(() -> unknown.read(Map.of()))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageEn())
            .isEqualTo("The form is not valid: Required: Quyết định."));

    // A known form with a field the translation does not have yet: English where there is a key, else its own.
    TaskForm changed = TaskForm.parse(new ByteArrayInputStream("""
        {"id": "portal-approve", "components": [
          {"key": "approval", "type": "select", "label": "Quyết định",
           "values": [{"label": "Duyệt câu trả lời", "value": "approve"}, {"label": "Chờ bổ sung", "value": "wait"}]},
          {"key": "deadlineNote", "type": "textfield", "label": "Ghi chú về thời hạn"}
        ]}""".getBytes(StandardCharsets.UTF_8)), Map.of(), java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
        java.util.Locale.ENGLISH);
    assertThat(changed.fields()).extracting(TaskForm.Field::label).containsExactly("Decision", "Ghi chú về thời hạn");
    assertThat(changed.fields().get(0).options()).extracting(TaskForm.Option::label)
        .containsExactly("Approve the answer", "Chờ bổ sung");
  }
}
