package vn.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageContextTest {
  @Test
  void theLanguageSwitchKeepsThePageAndItsQuery() {
    assertThat(PageContext.switchLanguage("/portal/track", "code=HD-2026-0001&lang=vi", "en"))
        .isEqualTo("/portal/track?code=HD-2026-0001&lang=en");
    assertThat(PageContext.switchLanguage("/tasks", null, "vi")).isEqualTo("/tasks?lang=vi");
    assertThat(PageContext.switchLanguage("/questions", "lang=en&q=thu%E1%BA%BF&page=2", "vi"))
        .isEqualTo("/questions?q=thu%E1%BA%BF&page=2&lang=vi");
  }
}
