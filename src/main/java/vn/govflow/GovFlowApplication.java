package vn.govflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GovFlowApplication {
  public static void main(String[] args) {
    SpringApplication.run(GovFlowApplication.class, args);
  }
}
