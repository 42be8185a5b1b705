/**
 * JMH benchmarks, run by {@code ./vitrine bench <suite>} through {@link io.vitrine.benchmarks.Benchmarks};
 * never part of the tests. See benchmarks/README.md.
 */
package io.vitrine.benchmarks;
