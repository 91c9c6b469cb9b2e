package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  private static final String PREFIX = "data:image/png;base64,";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @Test
  void dataUriHoldsAPngOfTheRequestedSize() throws Exception {
    String uri = QrCodes.pngDataUri("otpauth://totp/Dialtone:jane?secret=ABC", 240);

    assertThat(uri).startsWith(PREFIX);
    byte[] png = Base64.getDecoder().decode(uri.substring(PREFIX.length()));
    assertThat(png).startsWith(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(240);
    assertThat(image.getHeight()).isEqualTo(240);
  }

  /**
   * Many enrolment links, each with a new secret: every image decodes back to its text. Read as the
   * pure, upright code the image is (ZXing's finder-pattern search, made for camera pictures,
   * misses about one perfect image in a few hundred; a phone's scanner reads those).
   */
  @Test
  void pngDecodesBackToTheText() throws Exception {
    for (int i = 0; i < 200; i++) {
      String text =
          new TotpCodes().otpauthUri("Dialtone", "jane@example.com", TotpCodes.newSecret());
      String uri = QrCodes.pngDataUri(text, 300);

      assertThat(decoded(uri)).isEqualTo(text);
    }
  }

  private static String decoded(String uri) throws Exception {
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(Base64.getDecoder().decode(uri.substring(PREFIX.length()))));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }

  @Test
  void sizeOutOfRangeIsRefused() {
    assertThatThrownBy(() -> QrCodes.pngDataUri("x", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrCodes.pngDataUri("x", 5000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
