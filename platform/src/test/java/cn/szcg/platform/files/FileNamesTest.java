package cn.szcg.platform.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Stored file names lose path parts and control characters; served names are RFC 6266. */
class FileNamesTest {

  @Test
  void pathPartsAndControlCharactersAreDropped() {
    assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
    assertEquals("x.png", FileNames.sanitise("C:\\Users\\li\\x.png"));
    assertEquals("ab.jpg", FileNames.sanitise("a\r\n\u0000b.jpg"));
    assertEquals("现场照片.jpg", FileNames.sanitise("现场照片.jpg"));
    assertEquals("photogpj.exe", FileNames.sanitise("photo\u202Egpj.exe"));
    assertEquals("htaccess", FileNames.sanitise(".htaccess"));
    assertNull(FileNames.sanitise("../"));
    assertNull(FileNames.sanitise("\u0001\u0002"));
    assertNull(FileNames.sanitise(null));
    String longName = "长".repeat(300) + ".jpg";
    String s = FileNames.sanitise(longName);
    assertEquals(255, s.codePointCount(0, s.length()));
    assertEquals(true, s.endsWith(".jpg"));
  }

  @Test
  void contentDispositionFollowsRfc6266() {
    assertEquals(
        "inline; filename=\"after-1.jpg\"; filename*=UTF-8''after-1.jpg",
        FileNames.contentDisposition("inline", "after-1.jpg", "photo.jpg"));
    assertEquals(
        "inline; filename=\"x___evil_1.jpg\"; filename*=UTF-8''x%22%3B%20evil%3D1.jpg",
        FileNames.contentDisposition("inline", "x\"; evil=1.jpg", "photo.jpg"));
    assertEquals(
        "inline; filename=\"photo.jpg\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA.jpg",
        FileNames.contentDisposition("inline", "现场.jpg", "photo.jpg"));
    assertEquals(
        "attachment; filename=\"a-1.pdf\"",
        FileNames.contentDisposition("attachment", "\r\n", "a-1.pdf"));
  }
}
