package vn.govflow.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields (lĩnh vực) a question can be about, with their Vietnamese and English names. */
final class PortalFields {
  static final Map<String, String[]> ALL = new LinkedHashMap<>();

  static {
    ALL.put("thu-tuc-hanh-chinh", new String[] {"Thủ tục hành chính", "Administrative procedures"});
    ALL.put("dau-tu", new String[] {"Đầu tư, kinh doanh", "Investment and business"});
    ALL.put("dat-dai", new String[] {"Đất đai, xây dựng", "Land and construction"});
    ALL.put("thue", new String[] {"Thuế, tài chính", "Tax and finance"});
    ALL.put("khoa-hoc-cong-nghe", new String[] {"Khoa học, công nghệ, chuyển đổi số", "Science, technology, digital"});
    ALL.put("giao-duc", new String[] {"Giáo dục", "Education"});
    ALL.put("y-te", new String[] {"Y tế", "Health"});
    ALL.put("khac", new String[] {"Cơ chế, chính sách khác", "Other policies"});
  }

  private PortalFields() {}
}
