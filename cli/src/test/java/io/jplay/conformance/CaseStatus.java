package io.jplay.conformance;

/** The result of one case in the conformance run. */
enum CaseStatus {
    PASSED,
    /** Differs from Ansible and is listed in jplay-known-failures.txt: reported as skipped. */
    KNOWN_FAILURE,
    /** Differs from Ansible and is not listed. */
    FAILED,
    /** Listed as a known failure but passes: the list must shrink, so this fails too. */
    UNEXPECTED_PASS;

    static CaseStatus of(boolean matchesAnsible, boolean listedAsKnownFailure) {
        if (matchesAnsible) {
            return listedAsKnownFailure ? UNEXPECTED_PASS : PASSED;
        }
        return listedAsKnownFailure ? KNOWN_FAILURE : FAILED;
    }
}
