package io.jplay.execution;

/** How one host's task ended, as the strategy counts it. */
enum TaskStatus { OK, FAILED, SKIPPED, UNREACHABLE }
