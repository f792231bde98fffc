package vn.govflow.identity;

import java.util.List;
import java.util.Map;

/**
 * Role codes. The Spring authority is "ROLE_" + code upper-cased with '-' as '_'
 * (process-designer → ROLE_PROCESS_DESIGNER); the engine group is "&lt;agency key&gt;-&lt;code&gt;" plus the plain code.
 */
public final class Roles {
  public static final String CLERK = "clerk";                     // văn thư
  public static final String HEAD = "head";                       // lãnh đạo
  public static final String DEPUTY_HEAD = "deputy-head";         // phó lãnh đạo
  public static final String DEPARTMENT_HEAD = "department-head"; // trưởng phòng
  public static final String HANDLER = "handler";                 // chuyên viên
  public static final String ARCHIVIST = "archivist";             // lưu trữ
  public static final String ADMIN = "admin";                     // quản trị
  public static final String PROCESS_DESIGNER = "process-designer"; // thiết kế quy trình
  public static final String PORTAL_EDITOR = "portal-editor";     // biên tập viên

  public static final List<String> ALL = List.of(CLERK, HEAD, DEPUTY_HEAD, DEPARTMENT_HEAD, HANDLER,
      ARCHIVIST, ADMIN, PROCESS_DESIGNER, PORTAL_EDITOR);

  public static final Map<String, String> NAMES_VI = Map.of(
      CLERK, "Văn thư", HEAD, "Lãnh đạo", DEPUTY_HEAD, "Phó lãnh đạo", DEPARTMENT_HEAD, "Trưởng phòng",
      HANDLER, "Chuyên viên", ARCHIVIST, "Lưu trữ", ADMIN, "Quản trị", PROCESS_DESIGNER, "Thiết kế quy trình",
      PORTAL_EDITOR, "Biên tập viên");

  public static final Map<String, String> NAMES_EN = Map.of(
      CLERK, "Clerk", HEAD, "Head", DEPUTY_HEAD, "Deputy head", DEPARTMENT_HEAD, "Head of department",
      HANDLER, "Handler", ARCHIVIST, "Archivist", ADMIN, "Administrator", PROCESS_DESIGNER, "Process designer",
      PORTAL_EDITOR, "Portal editor");

  private Roles() {}

  public static String authority(String role) {
    return "ROLE_" + role.toUpperCase().replace('-', '_');
  }
}
