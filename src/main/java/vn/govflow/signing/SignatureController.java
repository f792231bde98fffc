package vn.govflow.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FilesProperties;
import vn.govflow.identity.CurrentUserProvider;

/** Verification of an uploaded PDF's signatures, for any member of staff (a PDF signed outside GovFlow, too). */
@RestController
@RequestMapping("/api/v1/signatures")
@Tag(name = "Signatures", description = "Chữ ký số / digital signatures (PAdES)")
class SignatureController {
  private final DocumentSigning signing;
  private final CurrentUserProvider users;

  SignatureController(DocumentSigning signing, CurrentUserProvider users) {
    this.signing = signing;
    this.users = users;
  }

  @Operation(summary = "Kiểm tra chữ ký số của tệp PDF / Verify the signatures of a PDF",
      description = "Multipart field `file`. 200 with the report (valid or not; per signature `status` VALID, "
          + "INVALID or INDETERMINATE when a certificate's revocation status could not be established, the "
          + "`timestamp` and the `revocationSource`); 422 problem+json for a file that is not a PDF or carries no "
          + "signature.")
  @PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  SignatureReport verify(@RequestPart("file") MultipartFile file) {
    users.require();
    if (file.isEmpty()) {
      throw UserError.badRequest("signing-empty-file", "Chưa chọn tệp PDF cần kiểm tra.", "No PDF was sent.");
    }
    if (file.getSize() > FilesProperties.MAX_BYTES) {
      throw UserError.badRequest("signing-file-too-large", "Tệp quá lớn (tối đa 50 MB).",
          "The file is too large (50 MB at most).");
    }
    try {
      return signing.verify(file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
