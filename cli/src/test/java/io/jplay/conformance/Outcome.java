package io.jplay.conformance;

import java.util.Optional;

/** What one run produced: exit code, stdout, stderr and {@code WORK/results.json} if the playbook wrote one. */
record Outcome(int rc, String stdout, String stderr, Optional<String> resultsJson) {

    Outcome normalised(Normaliser normaliser) {
        return new Outcome(rc, normaliser.apply(stdout), normaliser.apply(stderr), resultsJson.map(normaliser::apply));
    }
}
