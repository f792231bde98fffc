package vn.govflow.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who just ran GovFlow where to open it and how to sign in. */
@Component
class StartupBanner {
  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  private final String publicUrl;
  private final boolean embeddedSso;
  private final boolean demoData;

  StartupBanner(@Value("${govflow.public-url}") String publicUrl,
                @Value("${govflow.sso.embedded:true}") boolean embeddedSso,
                @Value("${govflow.demo-data:true}") boolean demoData) {
    this.publicUrl = publicUrl;
    this.embeddedSso = embeddedSso;
    this.demoData = demoData;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    StringBuilder b = new StringBuilder("\n\n  GovFlow is ready: ").append(publicUrl).append('\n')
        .append("  Camunda webapps: ").append(publicUrl).append("/camunda/app/   REST: ").append(publicUrl)
        .append("/engine-rest\n");
    if (demoData && embeddedSso) {
      b.append("  Demo sign-ins (password Demo@2026): lannt.skhcn (văn thư), hungtv.skhcn (lãnh đạo),\n")
          .append("    hapt.skhcn (trưởng phòng), anhdd.skhcn (chuyên viên), huybq.skhcn (thiết kế quy trình),\n")
          .append("    khailv.skhcn (quản trị), ngocct.vpubnd (biên tập viên); README lists them all.\n");
    }
    log.info(b.toString());
  }
}
