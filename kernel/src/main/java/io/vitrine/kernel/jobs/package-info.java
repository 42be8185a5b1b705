/**
 * Background jobs: long work a request accepts and a runner does later (imports, exports,
 * reindexing), with progress and per-row errors a client polls ({@code GET /api/v1/jobs/{id}}).
 * {@link io.vitrine.kernel.jobs.Jobs} submits and reads jobs; {@link io.vitrine.kernel.jobs.JobHandler}
 * beans do the work of one kind; the runner in {@code infra} claims jobs from the database on
 * every instance.
 */
package io.vitrine.kernel.jobs;
