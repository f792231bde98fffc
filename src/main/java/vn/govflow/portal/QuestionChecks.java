package vn.govflow.portal;

import static vn.govflow.portal.PortalValues.blank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.files.FileNameRules;
import vn.govflow.identity.IdentityDirectory;

/**
 * Checks a question before anything is stored (seed 003 Art 11): no complaint or denunciation, the asker's
 * identity fields for their type, a way to reply, the field, the consent, and each file's count, size and type.
 */
@Component
class QuestionChecks {
  static final int MAX_QUESTION = 10_000;
  static final int MAX_ATTACHMENTS = 5;

  private final IdentityDirectory directory;
  private final long maxAttachmentBytes;

  QuestionChecks(IdentityDirectory directory,
                 @Value("${govflow.portal.max-attachment-bytes:10485760}") long maxAttachmentBytes) {
    this.directory = directory;
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  /** A question that passed: the asker's type, the files actually given, and the name each is stored under. */
  record Checked(String askerType, List<QuestionSubmission.Attachment> files, List<String> names) {}

  /** Refuses the question with every problem found at once, or says what is to be stored. */
  Checked check(QuestionRequest r, List<QuestionSubmission.Attachment> attachments) {
    if (r.category() != null && List.of("khieu-nai", "to-cao", "complaint", "denunciation")
        .contains(r.category().trim().toLowerCase())) {
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "portal-complaint",
          "Chuyên mục Hỏi – Đáp không tiếp nhận khiếu nại, tố cáo (Quy chế Cổng thông tin, Điều 11). Khiếu nại, tố cáo"
              + " gửi đến cơ quan có thẩm quyền giải quyết theo Luật Khiếu nại, Luật Tố cáo, hoặc Ban Tiếp công dân tỉnh.",
          "Questions and Answers does not accept complaints or denunciations (portal rules, Art 11). Send them to the"
              + " competent agency under the Law on Complaints or the Law on Denunciations, or to the provincial"
              + " Citizen Reception Office.", List.of(), Map.of("category", r.category()));
    }
    List<FieldProblem> problems = new ArrayList<>();
    String type = r.askerType() == null ? "" : r.askerType().trim().toUpperCase();
    if ("INDIVIDUAL".equals(type)) {
      require(problems, "fullName", r.fullName(), "Họ và tên", "Full name");
      require(problems, "nationality", r.nationality(), "Quốc tịch", "Nationality");
      require(problems, "occupation", r.occupation(), "Nghề nghiệp", "Occupation");
      require(problems, "address", r.address(), "Địa chỉ", "Address");
    } else if ("ORGANISATION".equals(type)) {
      require(problems, "organisationName", r.organisationName(), "Tên tổ chức", "Organisation name");
      require(problems, "fullName", r.fullName(), "Họ và tên người đại diện", "Representative's full name");
      require(problems, "representativePosition", r.representativePosition(), "Chức vụ người đại diện",
          "Representative's position");
      require(problems, "establishmentDecision", r.establishmentDecision(),
          "Số quyết định thành lập hoặc giấy phép", "Establishment decision or licence number");
      require(problems, "headOfficeAddress", r.headOfficeAddress(), "Địa chỉ trụ sở", "Head-office address");
    } else {
      problems.add(new FieldProblem("askerType", "Chọn người hỏi là cá nhân hay tổ chức.",
          "Choose whether the asker is an individual or an organisation."));
    }
    // Neither e-mail nor phone is required (seed 003 Art 11.3): without them the asker reads the answer, private
    // or public, with the tracking code.
    if (!blank(r.email()) && !r.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(new FieldProblem("email", "Địa chỉ thư điện tử không hợp lệ.", "The e-mail address is not valid."));
    }
    if (blank(r.field()) || !PortalFields.ALL.containsKey(r.field())) {
      problems.add(new FieldProblem("field", "Chọn lĩnh vực của câu hỏi.", "Choose the question's field."));
    }
    if (!blank(r.agencyCode()) && directory.agency(r.agencyCode().trim()).isEmpty()) {
      problems.add(new FieldProblem("agencyCode", "Cơ quan được hỏi không có trong danh bạ.",
          "The agency asked is not in the directory."));
    }
    if (blank(r.question())) {
      problems.add(new FieldProblem("question", "Cần nhập nội dung câu hỏi.", "The question is required."));
    } else if (r.question().length() > MAX_QUESTION) {
      problems.add(new FieldProblem("question", "Câu hỏi tối đa 10.000 ký tự.", "The question is at most 10,000 characters."));
    }
    if (!Boolean.TRUE.equals(r.consent())) {
      problems.add(new FieldProblem("consent", "Cần đồng ý cho cơ quan xử lý dữ liệu cá nhân để trả lời.",
          "Consent to the processing of personal data is needed to answer."));
    }
    List<QuestionSubmission.Attachment> files = attachments == null ? List.of()
        : attachments.stream().filter(a -> a != null && a.size() > 0 && !blank(a.name())).toList();
    List<String> names = new ArrayList<>();
    if (files.size() > MAX_ATTACHMENTS) {
      problems.add(new FieldProblem("files", "Tối đa " + MAX_ATTACHMENTS + " tệp đính kèm.",
          "At most " + MAX_ATTACHMENTS + " attached files."));
    } else {
      for (QuestionSubmission.Attachment a : files) {
        String name = storedName(a.name());
        if (name == null) {
          problems.add(new FieldProblem("files", "Tệp \"" + a.name() + "\": định dạng không được chấp nhận (nhận PDF,"
              + " Word, Excel, OpenDocument, văn bản, ảnh PNG/JPEG/TIFF).", "File \"" + a.name() + "\": this type is"
              + " not accepted (PDF, Word, Excel, OpenDocument, text, PNG/JPEG/TIFF images are)."));
        } else if (a.size() > maxAttachmentBytes) {
          problems.add(new FieldProblem("files", "Tệp \"" + a.name() + "\" lớn hơn " + maxAttachmentBytes / 1_048_576
              + " MB.", "File \"" + a.name() + "\" is larger than " + maxAttachmentBytes / 1_048_576 + " MB."));
        }
        names.add(name);
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "portal-invalid", "Câu hỏi chưa đủ thông tin: " + problems.size()
          + " mục cần sửa.", "The question is missing information: " + problems.size() + " item(s) to fix.",
          problems, Map.of());
    }
    return new Checked(type, files, names);
  }

  /**
   * The name a citizen's file is stored under: theirs when it already follows the naming rules, else the same
   * name without diacritics and spaces (people cannot be expected to know the document system's rules); null
   * when the type is not accepted.
   */
  static String storedName(String original) {
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    try {
      FileNameRules.validate(name);
      return name;
    } catch (UserError e) {
      return FileNameRules.suggest(name).orElse(null);
    }
  }

  private static void require(List<FieldProblem> problems, String field, String value, String vi, String en) {
    if (blank(value)) {
      problems.add(new FieldProblem(field, "Cần nhập: " + vi + ".", "Required: " + en + "."));
    }
  }
}
