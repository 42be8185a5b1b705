package io.vitrine.kernel.jobs;

/**
 * A job's result as handed out by {@link OneTimeJobResults}: the whole file, in clear, for one
 * response.
 */
public record JobResultDownload(String filename, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "JobResultDownload[" + filename + ", " + content.length + " bytes]"; // never the content
    }
}
