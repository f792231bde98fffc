package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.govflow.identity.CurrentUser;
import vn.govflow.support.H2IntegrationTest;

/**
 * The files a refused registration keeps (issue #11): held for their clerk only, checked as the files module stores
 * them (a failing file is named and not kept), and gone once nobody came back for them within the keep time.
 */
class PendingUploadsH2Test extends H2IntegrationTest {
  @Test
  void heldFilesAreTheClerksOwnAreCheckedAndGoAfterTheKeepTime() throws Exception {
    PendingUploads pending = bean(PendingUploads.class);
    CurrentUser lan = clerk("lannt.skhcn", "000.00.12.H37");
    CurrentUser hoa = clerk("hoadt.vpubnd", "000.00.01.H37");
    List<PendingUploads.Refused> refused = new ArrayList<>();
    String token = pending.hold(null, lan, "cong-van.txt", () -> text("Công văn số 12"), 20, refused);
    assertThat(refused).isEmpty();
    assertThat(token).matches("[0-9a-f]{32}");
    assertThat(pending.held(token, lan)).extracting(PendingUploads.Held::name).containsExactly("cong-van.txt");

    // Someone else's token shows them nothing, removes nothing, and their files go under a token of their own.
    assertThat(pending.held(token, hoa)).isEmpty();
    pending.remove(token, hoa, List.of(1));
    assertThat(pending.held(token, lan)).hasSize(1);
    assertThat(pending.hold(token, hoa, "khac.txt", () -> text("Văn bản khác"), 20, refused)).isNotEqualTo(token);

    // A file whose content is not what its name says is refused by name and not held.
    pending.hold(token, lan, "ban-quet.pdf", () -> text("Không phải PDF"), 20, refused);
    assertThat(refused).extracting(PendingUploads.Refused::name).containsExactly("ban-quet.pdf");
    assertThat(refused.get(0).messageVi()).contains("không khớp");
    assertThat(pending.held(token, lan)).extracting(PendingUploads.Held::name).containsExactly("cong-van.txt");

    // Nobody came back within the keep time (24 h): the sweep deletes them.
    var owner = pending.held(token, lan).get(0).path().getParent().resolve("owner");
    Files.setLastModifiedTime(owner, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    assertThat(pending.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(pending.held(token, lan)).isEmpty();
    assertThat(Files.exists(owner.getParent())).isFalse();
  }

  private static CurrentUser clerk(String username, String agency) {
    return new CurrentUser(username, username, agency, "Agency " + agency, null, null, "Văn thư", Set.of("clerk"), null);
  }

  private static ByteArrayInputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
