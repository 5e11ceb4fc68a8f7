package io.jplay.conformance;

/**
 * One part of the outcome that differs from Ansible's.
 *
 * @param part            rc, stdout, stderr or results.json
 * @param firstDifference a one-line summary: where and what, for the report
 * @param detail          a unified diff (or a short explanation) for the failure message
 */
record Difference(String part, String firstDifference, String detail) {
}
