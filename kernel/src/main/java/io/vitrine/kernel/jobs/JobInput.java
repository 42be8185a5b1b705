package io.vitrine.kernel.jobs;

import io.micronaut.core.annotation.Nullable;

/**
 * What a job works on: a file kept by the kernel's {@code FileStorage} (same tenant as the job),
 * and/or small options in the handler's own text format (at most 2000 characters).
 */
public record JobInput(@Nullable String fileId, @Nullable String parameters) {

    public JobInput {
        if (fileId != null && (fileId.isBlank() || fileId.length() > 36)) {
            throw new IllegalArgumentException("a job's input file id is a stored file's id (1-36 characters)");
        }
        if (parameters != null && parameters.length() > 2000) {
            throw new IllegalArgumentException("job parameters are at most 2000 characters");
        }
    }

    public static JobInput none() {
        return new JobInput(null, null);
    }

    public static JobInput file(String fileId) {
        return new JobInput(fileId, null);
    }

    public JobInput withParameters(String parameters) {
        return new JobInput(fileId, parameters);
    }
}
