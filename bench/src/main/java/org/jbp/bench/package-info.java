/**
 * The benchmarks. {@code ApiBenchmark}: the module on Payara Micro and PostgreSQL started by the demo's runtime
 * classes, a seed loaded through the API and multiplied in SQL to 50,000 plans ({@code BenchScale}), statements per
 * request and their plans from PostgreSQL ({@code Statements}), then fixed-time load against the plan API, the tab's
 * opening ({@code TabOpen}), home and portfolio, beside a trivial and an authenticated endpoint of the same server,
 * so the figures are ratios that survive a noisy machine. {@code SyncBenchmark} and {@code WriteBackBenchmark}
 * measure the connector's calls outside Payara.
 */
package org.jbp.bench;
