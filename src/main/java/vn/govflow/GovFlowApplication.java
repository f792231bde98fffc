package vn.govflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// Housekeeping rounds (file storage sweep, notification e-mails tried again) run on Spring's scheduler; the
// work of the processes runs on the engine's job executor.
@org.springframework.scheduling.annotation.EnableScheduling
@SpringBootApplication
public class GovFlowApplication {
  public static void main(String[] args) {
    SpringApplication.run(GovFlowApplication.class, args);
  }
}
