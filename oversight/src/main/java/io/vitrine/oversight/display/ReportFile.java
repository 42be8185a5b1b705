package io.vitrine.oversight.display;

/** A report as a file to download: its bytes, content type and name. */
public record ReportFile(byte[] content, String contentType, String filename) {
}
