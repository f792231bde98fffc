package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The files of a refused draft wait for their own user only, come back byte for byte, go when unticked or
 * after an hour, and leave nothing on disk.
 */
class OutgoingPendingUploadsTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T03:00:00Z"));
  private final OutgoingPendingUploads pending = new OutgoingPendingUploads(new Clock() {
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  });

  private static OutgoingPendingUploads.Candidate fresh(String field, String name, String text) {
    return new OutgoingPendingUploads.Candidate(field, name,
        () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
  }

  private static String read(OutgoingPendingUploads.Held h) throws Exception {
    try (InputStream in = h.upload().content().open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void heldFilesAreTheirUsersOnlyAndGoWhenUntickedOrStale() throws Exception {
    String token = pending.hold(null, "anhdd.skhcn", List.of(fresh("draft", "du-thao.docx", "dự thảo"),
        fresh("appendices", "phu-luc.docx", "phụ lục")));
    assertThat(pending.find(token, "maivt.skhcn")).isEmpty();
    List<OutgoingPendingUploads.Held> held = pending.find(token, "anhdd.skhcn");
    assertThat(held).extracting(OutgoingPendingUploads.Held::name).containsExactly("du-thao.docx", "phu-luc.docx");
    assertThat(read(held.get(0))).isEqualTo("dự thảo");

    // Refused again with the appendix unticked: the draft is kept under a new token, the appendix is gone.
    String again = pending.hold(token, "anhdd.skhcn", List.of(OutgoingPendingUploads.Candidate.of(held.get(0))));
    assertThat(again).isNotEqualTo(token);
    assertThat(pending.find(token, "anhdd.skhcn")).isEmpty();
    assertThat(pending.find(again, "anhdd.skhcn")).extracting(OutgoingPendingUploads.Held::name)
        .containsExactly("du-thao.docx");
    assertThat(Files.exists(held.get(1).path())).isFalse();
    // Someone else's token cannot be used to keep (or read) those files.
    assertThat(pending.hold(again, "maivt.skhcn", List.of(OutgoingPendingUploads.Candidate.of(held.get(0)))))
        .isNull();
    assertThat(read(pending.find(again, "anhdd.skhcn").get(0))).isEqualTo("dự thảo");

    now.set(now.get().plus(OutgoingPendingUploads.KEEP).plusSeconds(1));
    assertThat(pending.find(again, "anhdd.skhcn")).isEmpty();
    assertThat(Files.exists(held.get(0).path())).isFalse();
    pending.close();
  }
}
