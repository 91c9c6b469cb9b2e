package io.dialtone.identity.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws QR codes as inline PNG data URIs.
 *
 * <p>Rule (SECURITY.md B4): a QR code that carries a secret (the TOTP enrolment URI) is embedded in
 * the page as {@code data:image/png;base64,...} and never served from a reusable resource URL; the
 * page itself must be sent with {@code Cache-Control: no-store}.
 */
public final class QrCodes {

  /** Largest image side accepted, in pixels. */
  public static final int MAX_SIZE = 1024;

  private static final String PREFIX = "data:image/png;base64,";
  private static final int BLACK = 0x000000;
  private static final int WHITE = 0xFFFFFF;
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(
          EncodeHintType.CHARACTER_SET,
          "UTF-8",
          EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M,
          EncodeHintType.MARGIN,
          2);

  private QrCodes() {}

  /**
   * {@code text} as a square QR code PNG of {@code size} pixels, as a data URI.
   *
   * @throws IllegalArgumentException if {@code size} is outside 1..{@value #MAX_SIZE} or the text
   *     does not fit in a QR code
   */
  public static String pngDataUri(String text, int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException("text does not fit in a QR code", e);
    }
    return PREFIX + Base64.getEncoder().encodeToString(png(matrix));
  }

  private static byte[] png(BitMatrix matrix) {
    BufferedImage image =
        new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
